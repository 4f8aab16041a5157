import { describe, expect, it } from 'vitest';
import { classifyRoad, roadDisplayName, summariseRoadClasses } from './road-classify';

// Every example below is a real name from wenzhou_roads_wgs84.geojson.
const CASES: [string, string][] = [
  ['甬台温高速', 'expressway'],
  ['温州绕城高速', 'expressway'],
  ['龙丽温高速', 'expressway'],
  ['Wenzhou Ring Expressway', 'expressway'],
  ['文成服务区', 'expressway'],
  ['104国道', 'arterial'],
  ['228国道', 'arterial'],
  ['G228', 'arterial'],
  ['G322', 'arterial'],
  ['National Road 104', 'arterial'],
  ['温州大道', 'arterial'],
  ['瓯海大道高架路', 'arterial'],
  ['温州大道东延线', 'arterial'],
  ['瓯北高架桥', 'arterial'],
  ['Jichang Avenue', 'arterial'],
  ['230省道', 'provincial'],
  ['57省道复线', 'provincial'],
  ['国道北路', 'named'],
  ['车站大道辅道', 'named'],
  ['人民路', 'named'],
  ['瑞枫线', 'named'],
  ['灵沙公路', 'named'],
  ['楠溪江大桥', 'named'],
  ['Y523', 'named'],
  ['Zhu Shi Xian', 'named'],
  ['肯恩环路 Kean Avenue', 'named'],
  ['温州路Wenzhou Road', 'named'],
  ['Unnamed Road', 'unnamed'],
  ['', 'unnamed'],
  ['  ', 'unnamed'],
];

describe('classifyRoad', () => {
  it.each(CASES)('%s → %s', (name, expected) => {
    expect(classifyRoad(name)).toBe(expected);
  });

  it('treats missing or non-string names as unnamed', () => {
    expect(classifyRoad(undefined)).toBe('unnamed');
    expect(classifyRoad(null)).toBe('unnamed');
    expect(classifyRoad(42)).toBe('unnamed');
  });

  it('separates 2-digit expressway numbers from 3-digit highway numbers', () => {
    expect(classifyRoad('G15')).toBe('expressway');
    expect(classifyRoad('G1523')).toBe('expressway');
    expect(classifyRoad('S230')).toBe('provincial');
  });
});

describe('roadDisplayName', () => {
  it('drops the filler name and trims real ones', () => {
    expect(roadDisplayName('Unnamed Road')).toBeNull();
    expect(roadDisplayName(' 人民路 ')).toBe('人民路');
  });
});

describe('summariseRoadClasses', () => {
  it('counts segments and km per class in contract order, most frequent names first', () => {
    const summary = summariseRoadClasses([
      { name: '人民路', km: 1 },
      { name: '胜利路', km: 2 },
      { name: '胜利路', km: 0.5 },
      { name: 'Unnamed Road', km: 4 },
    ]);
    expect(summary.map((s) => s.roadClass)).toEqual(['expressway', 'arterial', 'provincial', 'named', 'unnamed']);
    const named = summary[3];
    expect(named).toMatchObject({ segments: 3, km: 3.5, distinctNames: 2, examples: ['胜利路', '人民路'] });
    expect(summary[4]).toMatchObject({ segments: 1, km: 4 });
  });
});
