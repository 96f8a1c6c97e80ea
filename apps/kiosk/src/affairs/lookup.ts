import { i18n } from '../i18n';

const { t } = i18n.global;

export const CASE_NO_LENGTH = 11;
export const ID_TAIL_LENGTH = 6;
export const DIGIT_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
/** an ID number ends in a digit or X: the keypad offers X, and only the last place takes it */
export const ID_TAIL_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'X', '0'];

const CASE_NO = /^\d{11}$/;
const ID_TAIL = /^\d{5}[\dX]$/;

/** The case number a 一次性告知书 QR code carries (`?caseNo=`), when it is one; anything else is ignored. */
export function caseNoFromQuery(value: unknown): string | undefined {
  const text: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  return CASE_NO.test(trimmed) ? trimmed : undefined;
}

/** Whether typing may go on to `next`: digits, and X only as the sixth character. */
export const acceptsIdTail = (next: string): boolean => /^\d{0,5}$/.test(next) || ID_TAIL.test(next);

export function caseNoProblem(caseNo: string): string | undefined {
  if (caseNo === '') return t('progress.caseNoMissing');
  if (!CASE_NO.test(caseNo)) return t('progress.caseNoLength', { count: caseNo.length });
  return undefined;
}

export function idTailProblem(idTail: string): string | undefined {
  if (idTail === '') return t('progress.idTailMissing');
  if (!ID_TAIL.test(idTail)) return t('progress.idTailLength', { count: idTail.length });
  return undefined;
}
