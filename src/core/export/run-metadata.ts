/**
 * What a coverage export says about the run it came from, so every number in a spreadsheet or GIS
 * layer can be traced back: program and data versions, method, travel profile and the speeds it
 * used, thresholds, facilities, where the population came from (and that the default one is a
 * model, not a census grid), the road network file and the county boundaries.
 *
 * The object is plain JSON (no Infinity, no typed arrays): it goes verbatim into GeoJSON
 * `metadata` members and JSON sidecars, and `metadataRows` turns it into a human-readable
 * label/value block for CSV and XLSX.
 */
import type { CoverageMethod, CoverageResult, TravelProfile } from '../../shared/coverage';
import { DATA_FILES, ROAD_CLASSES, type DataManifest, type RoadClass } from '../../shared/data-contract';
import type { TravelProfileSpec } from '../../shared/travel-profiles';

export type ExportLanguage = 'zh' | 'en';

/** Unit of thresholds and per-cell values: minutes (network method) or metres (radius method). */
export type ThresholdUnit = 'min' | 'm';

export type PopulationSourceKind = 'modelled' | 'imported';

export interface PopulationSourceMeta {
  source: PopulationSourceKind;
  /** What the source is, in both languages (fixed texts, see POPULATION_DESCRIPTIONS). */
  description: { zh: string; en: string };
  /** Free text about this particular population, e.g. the imported file name; empty when none. */
  note: string;
}

/** Fields every OuTu export can carry (coverage runs and plain layer exports alike). */
export interface ExportStamp {
  app: 'OuTu';
  appVersion: string;
  /** ISO 8601 with time zone, e.g. 2025-03-01T08:30:00.000Z. */
  exportedAt: string;
  /** Content hash of the data folder (manifest.json `dataVersion`). */
  dataVersion?: string;
  /** Document title (KML document name); the run label for coverage runs. */
  title?: string;
}

export interface RunExportMetadata extends ExportStamp {
  dataVersion: string;
  /** The user's name for the run, e.g. "卫生院 步行15分钟". */
  runLabel: string;
  method: CoverageMethod;
  profile: TravelProfile;
  thresholdUnit: ThresholdUnit;
  /** Band breaks in `thresholdUnit`: request.thresholdsMin (network) or request.radiiM (radius). */
  thresholds: number[];
  /** Speeds the run used; null for the radius method, which uses no speeds (straight-line metres). */
  travelProfile: TravelProfileSpec | null;
  facilityCount: number;
  /** Names of the facility sets the run's facilities came from. */
  facilitySets: string[];
  population: PopulationSourceMeta;
  /** SHA-256 of the routing graph file (manifest.json, graph/routing-graph.bin); null when unknown. */
  roadNetworkSha256: string | null;
  /** Where the county boundaries (and so each cell's county) come from. */
  countiesSource: string;
}

export const POPULATION_DESCRIPTIONS: Record<PopulationSourceKind, { zh: string; en: string }> = {
  modelled: {
    zh: '模型估算，不是人口普查格网：各县（市、区）2021 年末官方常住人口（温州市统计局）按道路长度分配到 250 米网格，各县合计与官方数字一致，网格内分布为推算。',
    en: "Modelled, not a census grid: each county's official 2021 year-end resident population (Wenzhou Statistics Bureau) spread over 250 m cells in proportion to road length; county totals are exact, the distribution within a county is an estimate.",
  },
  imported: {
    zh: '用户导入的人口数据（点位或网格汇总到 250 米网格），替代模型估算人口。',
    en: 'Population imported by the user (points or cells aggregated to the 250 m grid), replacing the modelled population.',
  },
};

export function populationSourceMeta(source: PopulationSourceKind, note = ''): PopulationSourceMeta {
  return { source, description: { ...POPULATION_DESCRIPTIONS[source] }, note };
}

/** The county boundaries in data/geo/counties.geojson (see data/geo/sources/boundaries-datav). */
export const COUNTIES_SOURCE =
  'counties.geojson — Aliyun DataV.GeoAtlas 330300_full.json (copy: GitHub wangshanbo/mapData @ f627cdeb, 2024-05-31), 12 county-level divisions incl. 龙港市';

export interface RunMetadataInput {
  result: Pick<CoverageResult, 'request' | 'dataVersion'>;
  appVersion: string;
  runLabel: string;
  /** The speed table the run used (the user may have edited the defaults). */
  travelProfile: TravelProfileSpec;
  facilitySets: readonly string[];
  population: PopulationSourceMeta;
  /** manifest.json of the data the run used: the road graph and county file hashes come from it. */
  manifest?: Pick<DataManifest, 'files'> | null;
  /** Defaults to now. */
  exportedAt?: string;
}

/** Metadata of one run from its result and the context the result does not carry. */
export function runExportMetadata(input: RunMetadataInput): RunExportMetadata {
  const { request } = input.result;
  const radius = request.method === 'radius';
  const files = input.manifest?.files ?? {};
  const counties = files[DATA_FILES.counties]?.sha256;
  return {
    app: 'OuTu',
    appVersion: input.appVersion,
    exportedAt: input.exportedAt ?? new Date().toISOString(),
    title: input.runLabel,
    runLabel: input.runLabel,
    dataVersion: input.result.dataVersion,
    method: request.method,
    profile: request.profile,
    thresholdUnit: radius ? 'm' : 'min',
    thresholds: [...(radius ? request.radiiM : request.thresholdsMin)],
    travelProfile: radius
      ? null
      : { speedsKmh: { ...input.travelProfile.speedsKmh }, accessKmh: input.travelProfile.accessKmh },
    facilityCount: request.facilities.length,
    facilitySets: [...input.facilitySets],
    population: { ...input.population, description: { ...input.population.description } },
    roadNetworkSha256: files[DATA_FILES.routingGraph]?.sha256 ?? null,
    countiesSource: counties ? `${COUNTIES_SOURCE}; sha256 ${counties}` : COUNTIES_SOURCE,
  };
}

export type MetadataRow = [label: string, value: string | number];

const METHOD_LABELS: Record<CoverageMethod, Record<ExportLanguage, string>> = {
  network: { zh: '路网通行时间 (network)', en: 'Travel time on roads (network)' },
  radius: { zh: '直线服务半径 (radius)', en: 'Straight-line radius (radius)' },
};

const PROFILE_LABELS: Record<TravelProfile, Record<ExportLanguage, string>> = {
  walk: { zh: '步行 (walk)', en: 'Walking (walk)' },
  bike: { zh: '骑行 (bike)', en: 'Cycling (bike)' },
  drive: { zh: '驾车 (drive)', en: 'Driving (drive)' },
};

const ROAD_CLASS_LABELS: Record<RoadClass, Record<ExportLanguage, string>> = {
  expressway: { zh: '高速公路', en: 'expressway' },
  arterial: { zh: '国道、主干道', en: 'national road / arterial' },
  provincial: { zh: '省道', en: 'provincial road' },
  named: { zh: '其他有名道路', en: 'other named road' },
  unnamed: { zh: '无名道路', en: 'unnamed road' },
};

export function unitLabel(unit: ThresholdUnit, language: ExportLanguage): string {
  if (language === 'zh') return unit === 'min' ? '分钟' : '米';
  return unit === 'min' ? 'min' : 'm';
}

/** "5, 10, 15 分钟" / "5, 10, 15 min". */
export function thresholdsText(
  meta: Pick<RunExportMetadata, 'thresholds' | 'thresholdUnit'>,
  language: ExportLanguage,
) {
  return `${meta.thresholds.join(', ')} ${unitLabel(meta.thresholdUnit, language)}`;
}

function speedsText(spec: TravelProfileSpec | null, language: ExportLanguage): string {
  if (!spec)
    return language === 'zh'
      ? '不适用：直线半径法不使用路网速度'
      : 'not used: the radius method measures straight-line distance';
  const zh = language === 'zh';
  const parts = ROAD_CLASSES.map((c) => {
    const speed = spec.speedsKmh[c];
    return `${ROAD_CLASS_LABELS[c][language]} ${speed === null ? (zh ? '不可通行' : 'not allowed') : speed}`;
  });
  return zh
    ? `${parts.join('、')} km/h；接入段（设施或网格到最近道路）步行 ${spec.accessKmh} km/h`
    : `${parts.join(', ')} km/h; access legs (facility or cell to the nearest road) ${spec.accessKmh} km/h`;
}

function bandRuleText(meta: RunExportMetadata, language: ExportLanguage): string {
  const unit = unitLabel(meta.thresholdUnit, language);
  const last = meta.thresholds[meta.thresholds.length - 1];
  return language === 'zh'
    ? `分段为 [0, t1)、[t1, t2) …，最后一段含上限；≤ ${last} ${unit} 计为覆盖，超出或不可达为未覆盖`
    : `bands are [0, t1), [t1, t2) …, the last one including its upper limit; ≤ ${last} ${unit} counts as covered, beyond or unreachable as not covered`;
}

/** The metadata as label/value rows for a human-readable block (CSV tail, XLSX metadata sheet). */
export function metadataRows(meta: RunExportMetadata, language: ExportLanguage): MetadataRow[] {
  const zh = language === 'zh';
  const label = (chinese: string, english: string) =>
    zh ? `${chinese} (${english})` : english.charAt(0).toUpperCase() + english.slice(1);
  const population = meta.population;
  const populationSource = zh
    ? population.source === 'modelled'
      ? '模型估算 (modelled)'
      : '导入 (imported)'
    : population.source;
  const populationNote = [population.description[language], population.note].filter((s) => s !== '').join(' ');
  return [
    [label('软件', 'app'), meta.app],
    [label('软件版本', 'app version'), meta.appVersion],
    [label('导出时间', 'exported at'), meta.exportedAt],
    [label('运行名称', 'run'), meta.runLabel],
    [label('数据版本', 'data version'), meta.dataVersion],
    [label('分析方法', 'method'), METHOD_LABELS[meta.method][language]],
    [label('出行方式', 'travel profile'), PROFILE_LABELS[meta.profile][language]],
    [label('阈值', 'thresholds'), thresholdsText(meta, language)],
    [label('分段规则', 'band rule'), bandRuleText(meta, language)],
    [label('速度', 'speeds'), speedsText(meta.travelProfile, language)],
    [label('设施数', 'facilities'), meta.facilityCount],
    [label('设施数据集', 'facility sets'), meta.facilitySets.join(zh ? '；' : '; ')],
    [label('人口来源', 'population source'), populationSource],
    [label('人口说明', 'population note'), populationNote],
    [
      label('路网版本', 'road network'),
      meta.roadNetworkSha256 === null
        ? zh
          ? '未知'
          : 'unknown'
        : `${DATA_FILES.routingGraph} sha256 ${meta.roadNetworkSha256}`,
    ],
    [label('行政区划来源', 'county boundaries'), meta.countiesSource],
  ];
}
