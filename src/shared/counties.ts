/**
 * The 12 county-level divisions of Wenzhou (incl. 龙港市, split from 苍南 in 2019).
 * `mountain` marks the plan's 山区五县 (永嘉 文成 平阳 泰顺 苍南), which the plan singles out
 * for extra public-service resources; every equity view compares them with the rest.
 */
export interface CountyInfo {
  readonly adcode: number;
  readonly name: string;
  readonly nameEn: string;
  readonly mountain: boolean;
}

export const COUNTIES: readonly CountyInfo[] = [
  { adcode: 330302, name: '鹿城区', nameEn: 'Lucheng', mountain: false },
  { adcode: 330303, name: '龙湾区', nameEn: 'Longwan', mountain: false },
  { adcode: 330304, name: '瓯海区', nameEn: 'Ouhai', mountain: false },
  { adcode: 330305, name: '洞头区', nameEn: 'Dongtou', mountain: false },
  { adcode: 330324, name: '永嘉县', nameEn: 'Yongjia', mountain: true },
  { adcode: 330326, name: '平阳县', nameEn: 'Pingyang', mountain: true },
  { adcode: 330327, name: '苍南县', nameEn: 'Cangnan', mountain: true },
  { adcode: 330328, name: '文成县', nameEn: 'Wencheng', mountain: true },
  { adcode: 330329, name: '泰顺县', nameEn: 'Taishun', mountain: true },
  { adcode: 330381, name: '瑞安市', nameEn: "Rui'an", mountain: false },
  { adcode: 330382, name: '乐清市', nameEn: 'Yueqing', mountain: false },
  { adcode: 330383, name: '龙港市', nameEn: 'Longgang', mountain: false },
];

export const MOUNTAIN_ADCODES: readonly number[] = COUNTIES.filter((c) => c.mountain).map((c) => c.adcode);

export function countyByAdcode(adcode: number): CountyInfo | undefined {
  return COUNTIES.find((c) => c.adcode === adcode);
}
