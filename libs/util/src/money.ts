// Money is whole 分 (fen) everywhere. To show it, the digits are shifted into a decimal string and handed to Intl as
// a string, which formats it exactly: no amount ever passes through a floating-point division.

function assertFen(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额应为整数分：${fen}`);
}

/** `fen` as a decimal string `places` digits to the left (2 → yuan, 6 → 万元): 3000050, 2 → "30000.50". */
function shift(fen: number, places: number): string {
  const digits = String(Math.abs(fen)).padStart(places + 1, '0');
  const sign = fen < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

/** 3000000 → "¥30,000.00" (zh-CN), "CN¥30,000.00" (en): the amount to the 分, for fees, receipts and tranches. */
export function formatFen(fen: number, locale = 'zh-CN'): string {
  assertFen(fen);
  return numberFormat(locale, { style: 'currency', currency: 'CNY' }).format(
    shift(fen, 2) as Intl.StringNumericLiteral,
  );
}

/** 3000000 → "3万元", 12345600 → "12.3456万元": a grant or budget as Chinese documents state it, exact to the 分. */
export function formatFenInWan(fen: number): string {
  assertFen(fen);
  const wan = numberFormat('zh-CN', { maximumFractionDigits: 6 }).format(
    shift(fen, 6) as Intl.StringNumericLiteral,
  );
  return `${wan}万元`;
}
