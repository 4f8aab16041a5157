/**
 * Reading numbers typed by people: full-width digits (１２０．６５ from Chinese IMEs), the Unicode
 * minus, degree–minute–second coordinates and unit suffixes on capacities ("50张", "1,200㎡").
 */
export type NumberParse = { ok: true; value: number } | { ok: false; code: 'empty' | 'not-a-number' | 'decimal-comma' };

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const PLAIN = /^\s*-?\d+(\.\d+)?\s*$/;

/** NFKC turns full-width digits, points, commas and ㎡ into ASCII ("m2"). */
export function normaliseNumberText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const HEMISPHERE_PREFIX = /^(东经|北纬|西经|南纬|[NSEW])\s*/i;
const HEMISPHERE_SUFFIX = /\s*(东经|北纬|西经|南纬|[NSEW])$/i;
const DMS = /^(\d+(?:\.\d+)?)\s*[°度]\s*(?:(\d+(?:\.\d+)?)\s*['′’分]\s*)?(?:(\d+(?:\.\d+)?)\s*(?:"|″|”|''|′′|秒)\s*)?$/;

function hemisphereSign(text: string): { rest: string; sign: number } {
  let rest = text;
  let sign = 1;
  for (const pattern of [HEMISPHERE_PREFIX, HEMISPHERE_SUFFIX]) {
    const match = rest.match(pattern);
    if (!match?.[1]) continue;
    if (/^(西经|南纬|[SW])$/i.test(match[1])) sign = -1;
    rest = rest.replace(pattern, '');
  }
  return { rest, sign };
}

/**
 * Decimal degrees or D°M′S″. A comma is refused: in Chinese files it is a thousands or list
 * separator ("120,28" may be a pasted lon,lat pair), so reading it as a decimal comma could put a
 * facility somewhere plausible but wrong.
 */
export function parseCoordinate(raw: string): NumberParse {
  // Fast path for the plain ASCII decimals of almost every cell (NFKC is the costly part).
  if (PLAIN.test(raw)) return { ok: true, value: Number(raw) };
  const text = normaliseNumberText(raw);
  if (text === '') return { ok: false, code: 'empty' };
  if (text.includes(',')) return { ok: false, code: 'decimal-comma' };
  if (DECIMAL.test(text)) return { ok: true, value: Number(text) };
  const { rest, sign } = hemisphereSign(text);
  if (DECIMAL.test(rest)) return { ok: true, value: sign * Number(rest) };
  const dms = rest.match(DMS);
  if (!dms) return { ok: false, code: 'not-a-number' };
  const [, d = '0', m = '0', s = '0'] = dms;
  if (Number(m) >= 60 || Number(s) >= 60) return { ok: false, code: 'not-a-number' };
  return { ok: true, value: sign * (Number(d) + Number(m) / 60 + Number(s) / 3600) };
}

const UNIT_SUFFIX = /\s*(张|个|人|座|位|床|间|平方米|平米|m2|sqm|seats?|beds?|places?)$/i;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Capacity figures: thousands separators and a trailing unit are allowed, nothing else. */
export function parseQuantity(raw: string): NumberParse {
  if (PLAIN.test(raw)) return { ok: true, value: Number(raw) };
  const text = normaliseNumberText(raw).replace(UNIT_SUFFIX, '');
  if (text === '') return raw.trim() === '' ? { ok: false, code: 'empty' } : { ok: false, code: 'not-a-number' };
  if (DECIMAL.test(text)) return { ok: true, value: Number(text) };
  if (THOUSANDS.test(text)) return { ok: true, value: Number(text.replace(/,/g, '')) };
  return { ok: false, code: 'not-a-number' };
}
