import type { CaseView } from '@psc/contracts/affairs';
import { type Centre, type ItemContent, MATERIAL_FORMS } from '@psc/contracts/catalogue';
import { formatDay, shanghaiDay } from '@psc/util';

/**
 * A printed paper for the applicant: the 一次性告知书 when a required material is missing (everything missing, in
 * one notice), or the 容缺受理承诺书 they sign when only materials allowed to follow later are missing.
 */
export interface Notice {
  kind: 'correction' | 'promise';
  caseNo: string;
  applicant: string;
  itemName: string;
  materials: { name: string; form: string; copies: number; note: string }[];
  conditions: string[];
  promisedDays: number;
  /** the day the promised materials are due (容缺 only) */
  due: string | null;
  issuedOn: string;
  centre: Pick<Centre, 'name' | 'address' | 'phone'> | null;
  /** where a phone scanning the code follows the case */
  progressUrl: string;
}

export interface NoticeInput {
  view: Pick<CaseView, 'caseNo' | 'state' | 'missing' | 'deferred' | 'openedAt' | 'item'>;
  item: Pick<ItemContent, 'materials' | 'conditions'>;
  applicant: string;
  centre?: Centre;
  origin: string;
}

/** The paper the case calls for, or null when it was accepted with every material. */
export function buildNotice({ view, item, applicant, centre, origin }: NoticeInput): Notice | null {
  const promise = view.state !== 'correcting' && view.deferred.names.length > 0 && !view.deferred.supplied;
  if (view.state !== 'correcting' && !promise) return null;
  const names = new Set(promise ? view.deferred.names : view.missing);
  return {
    kind: promise ? 'promise' : 'correction',
    caseNo: view.caseNo,
    applicant,
    itemName: view.item.name,
    // in the item's own order, which is how the applicant will gather them
    materials: item.materials
      .filter((m) => names.has(m.name))
      .map((m) => ({ name: m.name, form: MATERIAL_FORMS[m.form], copies: m.copies, note: m.note ?? '' })),
    conditions: item.conditions,
    promisedDays: view.item.promisedDays,
    due: promise && view.deferred.due ? formatDay(view.deferred.due, 'zh-CN') : null,
    issuedOn: formatDay(shanghaiDay(view.openedAt), 'zh-CN'),
    centre: centre ? { name: centre.name, address: centre.address, phone: centre.phone } : null,
    progressUrl: `${origin}/kiosk/progress?${new URLSearchParams({ caseNo: view.caseNo }).toString()}`,
  };
}
