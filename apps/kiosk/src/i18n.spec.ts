import { CASE_ACTIONS, CASE_STATES, RATING_GRADES } from '@psc/contracts/affairs';
import { THEME_CODES } from '@psc/contracts/catalogue';
import { describe, expect, it } from 'vitest';
import { STEP_ACTIONS } from './affairs/format';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

type Messages = { [key: string]: string | Messages };

const keys = (messages: Messages, prefix = ''): string[] =>
  Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keys(value, `${prefix}${key}.`),
  );

describe('kiosk locales', () => {
  it('have the same keys in Chinese and English, so nothing falls back silently', () => {
    expect(keys(en)).toEqual(keys(zhCN));
  });

  it('name case states, steps and grades as the service does', () => {
    expect(zhCN.affairs.state).toEqual(CASE_STATES);
    expect(zhCN.affairs.action).toMatchObject(CASE_ACTIONS);
    expect(zhCN.affairs.grade).toEqual(Object.fromEntries(Object.entries(RATING_GRADES)));
    for (const action of STEP_ACTIONS) expect(zhCN.affairs.action).toHaveProperty(action);
    for (const code of THEME_CODES) expect(en.catalogue.theme).toHaveProperty(code);
  });
});
