/**
 * Road class from the road's name alone: the wangshanbo road file carries no class, ref or
 * speed attribute (see its SOURCE.md), so the name is all we have.
 *
 * Chinese route numbers encode the class: G/S + 1–2 or 4 digits are national/provincial
 * expressways (G15 沈海, S26 …), G/S + 3 digits are ordinary national/provincial highways
 * (G104, S230). The data only holds the 3-digit kind, but the rule keeps a future
 * "G15" from being drawn as a mere arterial.
 */
import { ROAD_CLASSES, type RoadClass } from '../../src/shared/data-contract';

const UNNAMED = /^unnamed road$/i;
const CJK = /[\u3400-\u9fff]/;

function classifyRouteNumber(name: string): RoadClass | null {
  const m = /^([GS])(\d+)$/i.exec(name);
  if (!m) return null;
  const [, letter = '', digits = ''] = m;
  if (digits.length === 3) return letter.toUpperCase() === 'G' ? 'arterial' : 'provincial';
  return 'expressway';
}

function classifyChinese(name: string): RoadClass {
  // 服务区 (service areas) exist only on expressways; their access roads belong to it visually.
  if (/高速|服务区/.test(name)) return 'expressway';
  if (/绕城(快速|高速)/.test(name)) return 'expressway';
  // "国道北路" is a street *named* after the highway, so 国道 must be numbered or final.
  if (/\d+国道|国道$/.test(name)) return 'arterial';
  if (/\d+省道|省道(复线)?$/.test(name)) return 'provincial';
  // A 辅道 is the slow side road of a 大道, not the arterial itself.
  if (/辅道$/.test(name)) return 'named';
  if (/大道|快速路|高架/.test(name)) return 'arterial';
  return 'named';
}

function classifyLatin(name: string): RoadClass {
  if (/expressway|motorway|freeway/i.test(name)) return 'expressway';
  if (/national road|national highway/i.test(name)) return 'arterial';
  if (/provincial road|provincial highway/i.test(name)) return 'provincial';
  // Latin-only "X Avenue" names here are pinyin renderings of 大道 (Jichang Avenue = 机场大道).
  if (/\bavenue$/i.test(name)) return 'arterial';
  return 'named';
}

export function classifyRoad(rawName: unknown): RoadClass {
  const name = typeof rawName === 'string' ? rawName.trim() : '';
  if (name === '' || UNNAMED.test(name)) return 'unnamed';
  const route = classifyRouteNumber(name);
  if (route) return route;
  // Mixed names ("肯恩环路 Kean Avenue") are classified by their Chinese part, which is the
  // authoritative one; the English gloss is a translation, often of a campus lane.
  if (CJK.test(name)) {
    const chinese = name.replace(/[A-Za-z][A-Za-z .'-]*/g, '').trim();
    return classifyChinese(chinese);
  }
  return classifyLatin(name);
}

/** The name as written into tiles: unnamed roads get none so the style cannot label them. */
export function roadDisplayName(rawName: unknown): string | null {
  if (classifyRoad(rawName) === 'unnamed') return null;
  return typeof rawName === 'string' ? rawName.trim() : null;
}

export interface RoadClassSummary {
  roadClass: RoadClass;
  segments: number;
  km: number;
  distinctNames: number;
  examples: string[];
}

/** Per-class counts, lengths and example names (most frequent first) for the build log. */
export function summariseRoadClasses(
  roads: readonly { name: unknown; km: number }[],
  examplesPerClass = 6,
): RoadClassSummary[] {
  const byClass = new Map<RoadClass, { segments: number; km: number; names: Map<string, number> }>();
  for (const c of ROAD_CLASSES) byClass.set(c, { segments: 0, km: 0, names: new Map() });
  for (const road of roads) {
    const entry = byClass.get(classifyRoad(road.name));
    if (!entry) continue;
    entry.segments += 1;
    entry.km += road.km;
    const name = typeof road.name === 'string' ? road.name.trim() : '';
    entry.names.set(name, (entry.names.get(name) ?? 0) + 1);
  }
  return ROAD_CLASSES.map((roadClass) => {
    const entry = byClass.get(roadClass) ?? { segments: 0, km: 0, names: new Map<string, number>() };
    const ranked = [...entry.names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return {
      roadClass,
      segments: entry.segments,
      km: entry.km,
      distinctNames: entry.names.size,
      examples: ranked.slice(0, examplesPerClass).map(([n]) => n),
    };
  });
}
