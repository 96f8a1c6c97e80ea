import type { EventData } from '@psc/contracts';
import type { SocialorgStandingField, SocialorgTallyField } from '@psc/contracts/insight';
import type { CounterFact } from './counters';

type Flow = CounterFact<SocialorgTallyField>;
type Level = CounterFact<SocialorgStandingField>;

export function registered(data: EventData<'socialorg.organisation.registered'>): CounterFact<string>[] {
  const { centreId, at } = data;
  const when = new Date(at);
  return [
    { centreId, at: when, inc: { organisationsRegistered: 1 } } satisfies Flow,
    {
      centreId,
      at: when,
      standing: true,
      inc: { organisations: 1, [`partyBuilding.${data.partyBuilding.kind}`]: 1 },
    } satisfies Level,
  ];
}

export function partyBuildingChanged(
  data: EventData<'socialorg.organisation.party-building-changed'>,
): Level[] {
  const [from, to] = [data.from.kind, data.to.kind];
  if (from === to) return [];
  const inc = { [`partyBuilding.${from}`]: -1, [`partyBuilding.${to}`]: 1 };
  return [{ centreId: data.centreId, at: new Date(data.at), standing: true, inc }];
}

/** Incubations count at the organisation's centre, which insight learnt when it registered. */
export function incubationApplied(
  data: EventData<'socialorg.incubation.applied'>,
  centreId: string,
): CounterFact<string>[] {
  const at = new Date(data.at);
  return [
    { centreId, at, inc: { incubationsApplied: 1 } } satisfies Flow,
    { centreId, at, standing: true, inc: { 'incubation.applied': 1 } } satisfies Level,
  ];
}

export function incubationTransitioned(
  data: EventData<'socialorg.incubation.transitioned'>,
  centreId: string,
): CounterFact<string>[] {
  if (data.from === data.to) return [];
  const at = new Date(data.at);
  const level: Level = {
    centreId,
    at,
    standing: true,
    inc: { [`incubation.${data.from}`]: -1, [`incubation.${data.to}`]: 1 },
  };
  return data.to === 'graduated'
    ? [level, { centreId, at, inc: { incubationsGraduated: 1 } } satisfies Flow]
    : [level];
}

export function callTransitioned(data: EventData<'socialorg.call.transitioned'>): Flow[] {
  if (data.to !== 'open') return [];
  return [{ centreId: data.ownerScope, at: new Date(data.at), inc: { callsOpened: 1 } }];
}

export function applicationSubmitted(data: EventData<'socialorg.application.submitted'>): Flow[] {
  return [{ centreId: data.streetId, at: new Date(data.at), inc: { applicationsSubmitted: 1 } }];
}

/** 立项 money counts at each awarded organisation's street. */
export function awarded(data: EventData<'socialorg.call.awarded'>): Flow[] {
  const at = new Date(data.at);
  return data.awards.map((a) => ({ centreId: a.streetId, at, inc: { awards: 1, awardedFen: a.amountFen } }));
}

export function tranchePaid(data: EventData<'socialorg.call.tranche-paid'>): Flow[] {
  const inc = { tranchesPaid: 1, paidFen: data.amountFen };
  return [{ centreId: data.streetId, at: new Date(data.at), inc }];
}

export function subsidyGranted(data: EventData<'socialorg.subsidy.granted'>): Flow[] {
  const inc = { subsidiesGranted: 1, subsidyGrantedFen: data.amountFen };
  return [{ centreId: data.streetId, at: new Date(data.at), inc }];
}

export function subsidyPaid(data: EventData<'socialorg.subsidy.paid'>): Flow[] {
  return [{ centreId: data.streetId, at: new Date(data.at), inc: { subsidyPaidFen: data.amountFen } }];
}
