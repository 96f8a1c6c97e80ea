import { describe, expect, it } from 'vitest';
import { allowedActions, CASE_STATE_CODES, CASE_TRANSITIONS, FINAL_STATES, nextState } from './case';

describe('case state machine', () => {
  it('walks the one-trip path: accepted → assigned → completed → delivered → rated', () => {
    let state = nextState('accepted', 'assign');
    expect(state).toBe('assigned');
    state = nextState(state!, 'complete');
    expect(state).toBe('completed');
    state = nextState(state!, 'deliver');
    expect(state).toBe('delivered');
    expect(nextState(state!, 'rate')).toBe('rated');
  });

  it('lets a case waiting for materials be accepted once they are brought, or refused', () => {
    expect(nextState('correcting', 'supplement')).toBe('accepted');
    expect(nextState('correcting', 'refuse')).toBe('refused');
    expect(nextState('correcting', 'complete')).toBeUndefined();
  });

  it('refuses to rate before delivery, to deliver before completion and to reopen a finished case', () => {
    expect(nextState('completed', 'rate')).toBeUndefined();
    expect(nextState('accepted', 'deliver')).toBeUndefined();
    for (const state of FINAL_STATES) expect(allowedActions(state)).toEqual([]);
  });

  it('reaches every state from the two ways a case is opened, and every non-final state can move on', () => {
    const reached = new Set<string>(['correcting', 'accepted']);
    for (let grew = true; grew;) {
      grew = false;
      for (const state of reached)
        for (const to of Object.values(CASE_TRANSITIONS[state as keyof typeof CASE_TRANSITIONS]))
          if (!reached.has(to)) grew = Boolean(reached.add(to));
    }
    expect([...reached].sort()).toEqual([...CASE_STATE_CODES].sort());
    for (const state of CASE_STATE_CODES)
      if (!FINAL_STATES.includes(state)) expect(allowedActions(state).length).toBeGreaterThan(0);
  });
});
