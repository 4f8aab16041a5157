/**
 * Reading the plan's indicator cells ("≥50", "＞90", "<3.5", "〔45〕", "91左右", "—", "98/98",
 * "省下目标") into numbers without losing what was written.
 */
import type { IndicatorComparator, ParsedValue } from '../../shared/indicators';

/** Cells that say "no figure". */
const NO_FIGURE = new Set(['', '—', '——', '-', '－', '–', '/', '／', '无', '暂无', '待定']);

/** Comparator prefixes, longest first so "≥" wins over ">" in ">=". */
const PREFIXES: readonly [string, IndicatorComparator][] = [
  ['不低于', '≥'],
  ['不少于', '≥'],
  ['不高于', '≤'],
  ['不超过', '≤'],
  ['不多于', '≤'],
  ['低于', '<'],
  ['少于', '<'],
  ['小于', '<'],
  ['高于', '>'],
  ['超过', '>'],
  ['大于', '>'],
  ['>=', '≥'],
  ['<=', '≤'],
  ['≥', '≥'],
  ['≧', '≥'],
  ['⩾', '≥'],
  ['≤', '≤'],
  ['≦', '≤'],
  ['⩽', '≤'],
  ['＞', '>'],
  ['>', '>'],
  ['＜', '<'],
  ['<', '<'],
  ['＝', '='],
  ['=', '='],
];

/** Comparator suffixes: Chinese 以上 / 以下 include the number itself. */
const SUFFIXES: readonly [string, IndicatorComparator][] = [
  ['及以上', '≥'],
  ['以上', '≥'],
  ['及以下', '≤'],
  ['以下', '≤'],
  ['以内', '≤'],
];

const APPROX_PREFIXES = ['大约', '约'];
const APPROX_SUFFIXES = ['左右', '上下'];

/** Full-width digits and point → ASCII. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[．]/g, '.');
}

/**
 * One cell → ParsedValue. `text` keeps the cell as written (outer whitespace removed); `value` is
 * the number when the cell holds exactly one (after a comparator, 〔〕 brackets, 约/左右, a trailing
 * % or 以上/以下), else null ("—", blank, "省下目标", "98/98").
 */
export function parseIndicatorValue(raw: string): ParsedValue {
  const text = raw.trim();
  const none: ParsedValue = { text, value: null, comparator: null, approx: false };
  let s = asciiDigits(text).replace(/\s+/g, '');
  if (NO_FIGURE.has(s)) return none;
  // 〔45〕 (five-year cumulative, flagged on the indicator), also [45] / 【45】.
  const bracket = /^[〔［[【](.*)[〕］\]】]$/u.exec(s);
  if (bracket) s = bracket[1] ?? '';

  let comparator: IndicatorComparator | null = null;
  let approx = false;
  for (const a of APPROX_PREFIXES) {
    if (s.startsWith(a)) {
      approx = true;
      s = s.slice(a.length);
      break;
    }
  }
  for (const [p, c] of PREFIXES) {
    if (s.startsWith(p)) {
      comparator = c;
      s = s.slice(p.length);
      break;
    }
  }
  if (!approx) {
    for (const a of APPROX_PREFIXES) {
      if (s.startsWith(a)) {
        approx = true;
        s = s.slice(a.length);
        break;
      }
    }
  }
  for (const a of APPROX_SUFFIXES) {
    if (s.endsWith(a)) {
      approx = true;
      s = s.slice(0, -a.length);
      break;
    }
  }
  for (const [x, c] of SUFFIXES) {
    if (s.endsWith(x)) {
      comparator ??= c;
      s = s.slice(0, -x.length);
      break;
    }
  }
  s = s.replace(/[%％]$/u, '');
  if (!/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(s)) return none;
  return { text, value: Number(s), comparator, approx };
}

/** Whether a cell is written 〔…〕: per the table's note 1, "〔〕内为五年累计增加或提高的数值". */
export function isCumulativeText(text: string): boolean {
  return /^〔.*〕$/u.test(text.trim());
}
