import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { acceptsIdTail, caseNoFromQuery, caseNoProblem, idTailProblem } from './lookup';

describe('case lookup input', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN';
  });

  it('takes the case number a QR code carries only when it is one', () => {
    expect(caseNoFromQuery('26050600001')).toBe('26050600001');
    expect(caseNoFromQuery(' 26050600001 ')).toBe('26050600001');
    expect(caseNoFromQuery(['26050600001', 'x'])).toBe('26050600001');
    expect(caseNoFromQuery('2605060000')).toBeUndefined();
    expect(caseNoFromQuery('2605060000A')).toBeUndefined();
    expect(caseNoFromQuery(null)).toBeUndefined();
    expect(caseNoFromQuery(undefined)).toBeUndefined();
  });

  it('lets X into the last 6 of the ID number only as the sixth character', () => {
    expect(acceptsIdTail('')).toBe(true);
    expect(acceptsIdTail('12345')).toBe(true);
    expect(acceptsIdTail('12345X')).toBe(true);
    expect(acceptsIdTail('123456')).toBe(true);
    expect(acceptsIdTail('X')).toBe(false);
    expect(acceptsIdTail('123X')).toBe(false);
    expect(acceptsIdTail('1234567')).toBe(false);
  });

  it('says what is wrong with the case number and the ID tail, in the kiosk language', () => {
    expect(caseNoProblem('26050600001')).toBeUndefined();
    expect(caseNoProblem('')).toBe('请输入办件编号');
    expect(caseNoProblem('2605060')).toBe('办件编号为 11 位数字，您已输入 7 位');
    expect(idTailProblem('12345X')).toBeUndefined();
    expect(idTailProblem('001234')).toBeUndefined();
    expect(idTailProblem('')).toBe('请输入身份证号码后 6 位');
    expect(idTailProblem('1234')).toBe('请输入身份证号码后 6 位，您已输入 4 位');
    i18n.global.locale.value = 'en';
    expect(caseNoProblem('2605060')).toBe('A case number has 11 digits; you have entered 7');
  });
});
