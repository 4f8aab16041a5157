/** Sheet specs shared by the sheet tests and the benchmark: a coverage map of Wenzhou's counties. */
import { COUNTIES } from '../../shared/counties';
import type { Orientation, Paper, SheetDpi, SheetSpec } from './sheet-spec';

export const SAMPLE_LEGEND: SheetSpec['legend'] = [
  { label: '15 分钟可达', swatch: { kind: 'fill', color: '#1a9850', opacity: 0.6, outline: '#0b5d2c' } },
  { label: '30 分钟可达', swatch: { kind: 'fill', color: '#fee08b', opacity: 0.6 } },
  { label: '山区五县', swatch: { kind: 'hatch', color: '#8c510a', outline: '#8c510a' } },
  { label: '县界', swatch: { kind: 'line', color: '#555555' } },
  { label: '卫生院（现状）', swatch: { kind: 'circle', color: '#d73027', outline: '#ffffff' } },
];

export const SAMPLE_PROVENANCE = [
  '数据来源：行政区划 DataV.GeoAtlas（WGS-84 转换）；道路 OpenStreetMap 派生路网',
  '路网版本：routing-graph v3（2024-05 构建）',
  '出行方式：驾车；阈值 15 / 30 分钟',
  '人口：2021 年末常住人口（温州市统计局），格网分布为模型推算（modelled）',
];

export function sampleTable(): NonNullable<SheetSpec['table']> {
  const rows = COUNTIES.map((c, i) => {
    const pop = 300_000 + i * 97_531;
    const covered = Math.round(pop * (c.mountain ? 0.62 : 0.91));
    return [c.name, pop.toLocaleString('en'), covered.toLocaleString('en'), `${((covered / pop) * 100).toFixed(1)}%`];
  });
  return {
    title: '各县（市、区）人口覆盖',
    columns: ['县（市、区）', '人口', '覆盖人口', '覆盖率'],
    rows,
    highlightRows: COUNTIES.flatMap((c, i) => (c.mountain ? [i] : [])),
    highlightNote: '底色：山区五县',
  };
}

export function sampleLorenz(): NonNullable<SheetSpec['lorenz']> {
  const points: [number, number][] = Array.from({ length: 21 }, (_, i) => {
    const x = i / 20;
    return [x, x ** 2.2];
  });
  return { points, gini: 0.375, caption: '出行时间洛伦兹曲线' };
}

export function sampleSpec(
  options: {
    paper?: Paper;
    orientation?: Orientation;
    dpi?: SheetDpi;
    table?: boolean;
    lorenz?: boolean;
    title?: string;
  } = {},
): SheetSpec {
  return {
    paper: options.paper ?? 'A4',
    orientation: options.orientation ?? 'landscape',
    dpi: options.dpi ?? 150,
    title: options.title ?? '温州市基层医疗设施 30 分钟覆盖',
    subtitle: '驾车 · 现状卫生院 · 山区五县单列',
    date: '2024-06-01',
    legend: SAMPLE_LEGEND,
    scaleBar: { metresPerPixel: 120 },
    northArrow: { bearingDeg: 0 },
    provenance: SAMPLE_PROVENANCE,
    ...(options.table ? { table: sampleTable() } : {}),
    ...(options.lorenz ? { lorenz: sampleLorenz() } : {}),
  };
}
