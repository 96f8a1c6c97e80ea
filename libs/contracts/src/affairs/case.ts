import { z } from 'zod';

/**
 * Where a case (办件) stands. A case is opened at the window; with a required material missing it starts in
 * `correcting` and the resident gets a 一次性告知书, otherwise it is `accepted` (also under 容缺 with a promise).
 */
export const CASE_STATES = {
  correcting: '待补正',
  accepted: '已受理',
  assigned: '审核/分办中',
  completed: '已办结',
  delivered: '已送达',
  rated: '已评价',
  refused: '不予受理',
  returned: '已退件',
} as const;
export type CaseState = keyof typeof CASE_STATES;
export const CASE_STATE_CODES = Object.keys(CASE_STATES) as [CaseState, ...CaseState[]];

/** The states nothing leaves: the case is finished, one way or another. */
export const FINAL_STATES: readonly CaseState[] = ['rated', 'refused', 'returned'];

/** What staff do to a case; each is one transition, recorded with who, when and why. */
export const CASE_ACTIONS = {
  supplement: '补齐材料',
  request_correction: '要求补正',
  assign: '分办',
  complete: '办结',
  deliver: '送达/领取',
  rate: '评价',
  refuse: '不予受理',
  return: '退件',
} as const;
export type CaseAction = keyof typeof CASE_ACTIONS;

/**
 * Who may take each step (role names of @psc/auth). The window does intake work; a department reviewer decides
 * cases passed to their inbox; the resident alone rates, at a kiosk or through the SMS link.
 */
export const ACTION_ROLES: Readonly<Record<CaseAction, readonly string[]>> = {
  supplement: ['counter_staff', 'centre_admin'],
  request_correction: ['counter_staff', 'dept_reviewer', 'centre_admin'],
  assign: ['counter_staff', 'centre_admin'],
  complete: ['counter_staff', 'dept_reviewer', 'centre_admin'],
  deliver: ['counter_staff', 'centre_admin'],
  rate: ['resident'],
  refuse: ['counter_staff', 'centre_admin'],
  return: ['dept_reviewer', 'centre_admin'],
};

/** The actions that need a written reason on the record (the resident is told it). */
export const ACTIONS_NEEDING_REASON: readonly CaseAction[] = ['request_correction', 'refuse', 'return'];

/** from → action → to. Anything not listed is refused with 409 and says what the case can do now. */
export const CASE_TRANSITIONS: Readonly<Record<CaseState, Partial<Record<CaseAction, CaseState>>>> = {
  correcting: { supplement: 'accepted', refuse: 'refused' },
  // a centre that handles an item itself (承办) may finish it at the window without passing it on
  accepted: {
    assign: 'assigned',
    complete: 'completed',
    request_correction: 'correcting',
    refuse: 'refused',
  },
  assigned: { complete: 'completed', request_correction: 'correcting', return: 'returned' },
  completed: { deliver: 'delivered' },
  delivered: { rate: 'rated' },
  rated: {},
  refused: {},
  returned: {},
};

export function nextState(from: CaseState, action: CaseAction): CaseState | undefined {
  return CASE_TRANSITIONS[from][action];
}

/** What can be done to a case in this state, for the workbench's buttons and for the refusal message. */
export function allowedActions(state: CaseState): CaseAction[] {
  return Object.keys(CASE_TRANSITIONS[state]) as CaseAction[];
}

/** 非常满意 … 非常不满意 (国办发〔2019〕51号); 1 and 2 are 差评 and open a rectification. */
export const RATING_GRADES = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
} as const;
export const BAD_RATING_MAX = 2;

export const caseStateSchema = z.enum(CASE_STATE_CODES);
