import type { OpenCaseRequest } from '@psc/contracts/affairs';
import { type ItemContent, itemContentSchema } from '@psc/contracts/catalogue';
import { generateDevKeys } from '@psc/pii';
import { fakeModel, fakeOutbox, manualClock, resident, staff } from '@psc/testing/unit';
import type { Model } from 'mongoose';
import type { ItemCopiesService } from '../src/catalogue-copy/item-copies.service';
import type { ItemCopy } from '../src/catalogue-copy/item-copy.model';
import { CaseIntakeService } from '../src/cases/case-intake.service';
import { CaseLookupService } from '../src/cases/case-lookup.service';
import { CaseNumbersService } from '../src/cases/case-numbers.service';
import type { Case } from '../src/cases/case.model';
import { CaseQueriesService } from '../src/cases/case-queries.service';
import { CaseRatingService } from '../src/cases/case-rating.service';
import { CaseRectificationService } from '../src/cases/case-rectification.service';
import { CaseRepository } from '../src/cases/case.repository';
import { CaseSecrets } from '../src/cases/case-secrets';
import { CaseStepsService } from '../src/cases/case-steps.service';
import type { Counter } from '../src/shared/counter.model';
import { SequencesService } from '../src/shared/sequences.service';

/** The case services over one in-memory store, outbox and clock, as the unit specs of `src/cases` share them. */

export const CENTRE = 'sz/futian/xiangmihu/c-001';
export const OTHER_CENTRE = 'sz/nanshan/shekou/c-009';
export const ID_TAIL = '31002X';

/** 最低生活保障申请: two materials required, the income statement may follow on promise (容缺). */
export const ITEM: ItemContent = itemContentSchema.parse({
  code: 'MZ-001',
  name: '最低生活保障申请',
  theme: 'civil-assistance',
  summary: '为家庭人均收入低于当地低保标准的居民提供基本生活保障。',
  department: '区民政局',
  legalBasis: ['《社会救助暂行办法》第九条'],
  conditions: ['本市户籍且家庭人均收入低于低保标准'],
  materials: [
    { name: '居民身份证', form: 'original_and_copy', copies: 1, deferrable: false },
    { name: '户口簿', form: 'original_and_copy', copies: 1, deferrable: false },
    { name: '收入证明', form: 'original', copies: 1, deferrable: true },
  ],
  legalDays: 30,
  promisedDays: 10,
  delivery: ['window', 'mail'],
});

export const counter = staff('counter_staff', CENTRE);
export const admin = staff('centre_admin', CENTRE);
export const reviewer = staff('dept_reviewer', CENTRE);
export const applicant = resident('r-1');

/** The checklist with every material ticked except `missing`. */
export const checklist = (missing: string[] = []) =>
  ITEM.materials.map((m) => ({ name: m.name, provided: !missing.includes(m.name) }));

/** Monday 2025-03-03, 10:00 in Shanghai, unless a spec starts elsewhere. */
export function caseWorld(start = '2025-03-03T02:00:00Z') {
  const clock = manualClock(start);
  const store = fakeModel<Case>([], ['idempotencyKey']);
  const outbox = fakeOutbox('affairs');
  const secrets = new CaseSecrets(generateDevKeys().PII_INDEX_KEY);
  const cases = new CaseRepository(store as unknown as Model<Case>, outbox);
  const copies = new Map<string, ItemCopy>([
    [ITEM.code, { _id: `${ITEM.code}@3`, code: ITEM.code, version: 3, content: ITEM, publishedAt: clock() }],
  ]);
  const items = { current: (code: string) => Promise.resolve(copies.get(code)) };
  const counters = fakeModel<Counter>();
  const numbers = new CaseNumbersService(new SequencesService(counters as unknown as Model<Counter>));
  const lookup = new CaseLookupService(cases, secrets, clock);
  const services = {
    intake: new CaseIntakeService(cases, items as unknown as ItemCopiesService, numbers, secrets, clock),
    steps: new CaseStepsService(cases, secrets, clock),
    rating: new CaseRatingService(cases, lookup, secrets, clock),
    rectification: new CaseRectificationService(cases, clock),
    lookup,
    queries: new CaseQueriesService(cases, clock),
  };
  let submissions = 0;

  /** 一窗受理 at the counter, with `missing` not brought; each call is a new intake form. */
  const open = (missing: string[] = [], request: Partial<OpenCaseRequest> = {}, by = counter) =>
    services.intake.open(
      {
        centreId: CENTRE,
        itemCode: ITEM.code,
        residentId: applicant.sub,
        idTail: ID_TAIL,
        materials: checklist(missing),
        ...request,
      },
      `form-${++submissions}`.padEnd(8, '0'),
      by,
    );

  /** A case opened complete and taken through to delivery at the window, ready to be rated. */
  const delivered = async () => {
    let view = await open();
    for (const request of [
      { action: 'assign' as const, assignee: { kind: 'department' as const, name: '区民政局' } },
      { action: 'complete' as const },
      { action: 'deliver' as const, channel: 'mail' as const },
    ])
      view = await services.steps.act(view.caseNo, { ...request, revision: view.revision }, counter);
    return view;
  };

  return { clock, store, outbox, secrets, copies, ...services, open, delivered };
}

export type CaseWorld = ReturnType<typeof caseWorld>;
