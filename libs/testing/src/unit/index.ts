/**
 * `@psc/testing/unit`: what unit specs need and nothing that starts Kafka or FerretDB (that is `@psc/testing`).
 * Property tests use fast-check directly (`import fc from 'fast-check'`); it is there for the rules whose
 * invariants hold over every input, like money in 分 and working hours.
 */
export { expectAppError } from './app-error';
export { type ManualClock, manualClock } from './clock';
export { type FakeModel, fakeModel } from './fake-model';
export { FakeOutbox, fakeOutbox } from './fake-outbox';
export { resident, staff, staffWith } from './principals';
