/**
 * Free-text category and status cells → the contract's codes. Keyword rules are checked in order,
 * so the more specific service wins where a name mentions two (托育 before 幼儿园/教育,
 * 老年大学 counts as elderly, 儿童福利院 as social assistance rather than childcare).
 */
import {
  FACILITY_CATEGORIES,
  FACILITY_STATUSES,
  type FacilityCategory,
  type FacilityStatus,
} from '../../shared/facilities';

export interface ValueGuess<T> {
  value: T;
  /** False when the text matched no rule and `value` is only the fallback (the build warns). */
  recognised: boolean;
}

const CATEGORY_RULES: readonly (readonly [FacilityCategory, RegExp])[] = [
  ['social-assistance', /救助|福利院|救济|流浪|特困|social-?assistance|welfare|relief|shelter/i],
  ['childcare', /托育|托儿|托幼|婴幼儿照护|早教|childcare|nursery|day-?care|creche/i],
  ['elderly', /养老|敬老|老年|老人|颐养|长者|照料中心|护理院|elderly|aged|senior|nursing|retire/i],
  ['health', /医院|卫生|诊所|医疗|门诊|医务|急救|疾控|妇幼|保健|health|hospital|clinic|medical/i],
  ['education', /学校|小学|中学|幼儿园|学前|教育|学院|大学|职高|中职|高中|初中|education|school|kindergarten/i],
  ['sports', /体育|健身|运动|球场|游泳|跑道|绿道|体育场|体育馆|sports?|fitness|gym|stadium|pitch/i],
  [
    'culture',
    /文化|图书馆|礼堂|书房|博物馆|纪念馆|美术馆|展览|影剧院|剧院|农家书屋|文体|culture|cultural|library|museum|theat/i,
  ],
  ['other', /便民|其他|其它|服务中心|党群|other/i],
];

/** Trimmed, NFKC (full-width letters), without spaces: "社区 卫生" still matches 卫生. */
function clean(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').trim();
}

export function guessCategory(text: string, fallback: FacilityCategory = 'other'): ValueGuess<FacilityCategory> {
  const value = clean(text);
  if (value === '') return { value: fallback, recognised: true };
  const code = value.toLowerCase();
  if ((FACILITY_CATEGORIES as readonly string[]).includes(code))
    return { value: code as FacilityCategory, recognised: true };
  for (const [category, pattern] of CATEGORY_RULES)
    if (pattern.test(value)) return { value: category, recognised: true };
  return { value: 'other', recognised: false };
}

const STATUS_RULES: readonly (readonly [FacilityStatus, RegExp])[] = [
  ['under-construction', /在建|建设中|施工|续建|under-?construction|building|construction/i],
  ['planned', /规划|拟建|计划|待建|预留|planned|proposed|plan/i],
  ['existing', /现有|已建|在用|建成|运营|运行|使用|开放|正常|现状|existing|exist|open|operating|in-?use|built/i],
];

/** Blank status means existing: a list of facilities without a status column lists what exists. */
export function guessStatus(text: string): ValueGuess<FacilityStatus> {
  const value = clean(text);
  if (value === '') return { value: 'existing', recognised: true };
  const code = value.toLowerCase();
  if ((FACILITY_STATUSES as readonly string[]).includes(code))
    return { value: code as FacilityStatus, recognised: true };
  // 未开放, 停用, 关闭…: none of the three statuses; let the user see a warning rather than guess.
  if (/未|停|关闭|废|not|closed/i.test(value)) return { value: 'existing', recognised: false };
  for (const [status, pattern] of STATUS_RULES) if (pattern.test(value)) return { value: status, recognised: true };
  return { value: 'existing', recognised: false };
}
