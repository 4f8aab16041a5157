/**
 * What a coverage export says about the run it came from, so every number in a spreadsheet or GIS
 * layer can be traced back: program and data versions, method, travel profile and the speeds it
 * used, thresholds, facilities, where the population came from (and that the default one is a
 * model, not a census grid), the road network file and the county boundaries.
 *
 * The object is plain JSON (no Infinity, no typed arrays): it goes verbatim into GeoJSON
 * `metadata` members and JSON sidecars, and `metadataRows` turns it into a human-readable
 * label/value block for CSV and XLSX. Every text in those files comes from the shared catalogue
 * (keys `exportFile.*`) through the `Translator` the caller passes in; core names the keys only.
 */
import type { CoverageMethod, CoverageResult, TravelProfile } from '../../shared/coverage';
import { DATA_FILES, ROAD_CLASSES, type DataManifest } from '../../shared/data-contract';
import type { Language, MessageKey, TranslateParams, Translator } from '../../shared/i18n/translate';
import type { TravelProfileSpec } from '../../shared/travel-profiles';

export type ExportLanguage = Language;

/** Unit of thresholds and per-cell values: minutes (network method) or metres (radius method). */
export type ThresholdUnit = 'min' | 'm';

export type PopulationSourceKind = 'modelled' | 'imported';

export interface PopulationSourceMeta {
  source: PopulationSourceKind;
  /** What the source is, in both languages (catalogue `exportFile.population.<source>`). */
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

/** The population source with its fixed description in both languages, looked up with `translate`. */
export function populationSourceMeta(
  source: PopulationSourceKind,
  translate: Translator,
  note = '',
): PopulationSourceMeta {
  const key = `exportFile.population.${source}` as const;
  return { source, description: { zh: translate('zh', key), en: translate('en', key) }, note };
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

/** 'min' → "分钟" / "min", 'm' → "米" / "m". */
export function unitLabel(unit: ThresholdUnit, language: ExportLanguage, translate: Translator): string {
  return translate(language, `exportFile.unit.${unit}`);
}

/** "5, 10, 15 分钟" / "5, 10, 15 min". */
export function thresholdsText(
  meta: Pick<RunExportMetadata, 'thresholds' | 'thresholdUnit'>,
  language: ExportLanguage,
  translate: Translator,
) {
  return `${meta.thresholds.join(', ')} ${unitLabel(meta.thresholdUnit, language, translate)}`;
}

function speedsText(spec: TravelProfileSpec | null, language: ExportLanguage, translate: Translator): string {
  if (!spec) return translate(language, 'exportFile.speeds.notUsed');
  const parts = ROAD_CLASSES.map((c) => {
    const speed = spec.speedsKmh[c];
    const road = translate(language, `exportFile.roadClass.${c}`);
    return `${road} ${speed === null ? translate(language, 'exportFile.speeds.notAllowed') : speed}`;
  });
  return translate(language, 'exportFile.speeds', {
    speeds: parts.join(translate(language, 'exportFile.speeds.separator')),
    access: spec.accessKmh,
  });
}

/** The metadata as label/value rows for a human-readable block (CSV tail, XLSX metadata sheet). */
export function metadataRows(meta: RunExportMetadata, language: ExportLanguage, translate: Translator): MetadataRow[] {
  const text = (key: MessageKey, params?: TranslateParams) => translate(language, key, params);
  const population = meta.population;
  const populationNote = [population.description[language], population.note].filter((s) => s !== '').join(' ');
  return [
    [text('exportFile.meta.app'), meta.app],
    [text('exportFile.meta.appVersion'), meta.appVersion],
    [text('exportFile.meta.exportedAt'), meta.exportedAt],
    [text('exportFile.meta.run'), meta.runLabel],
    [text('exportFile.meta.dataVersion'), meta.dataVersion],
    [text('exportFile.meta.method'), text(`exportFile.method.${meta.method}`)],
    [text('exportFile.meta.profile'), text(`exportFile.profile.${meta.profile}`)],
    [text('exportFile.meta.thresholds'), thresholdsText(meta, language, translate)],
    [
      text('exportFile.meta.bandRule'),
      text('exportFile.bandRule', {
        last: meta.thresholds[meta.thresholds.length - 1] as number,
        unit: unitLabel(meta.thresholdUnit, language, translate),
      }),
    ],
    [text('exportFile.meta.speeds'), speedsText(meta.travelProfile, language, translate)],
    [text('exportFile.meta.facilities'), meta.facilityCount],
    [text('exportFile.meta.facilitySets'), meta.facilitySets.join(text('exportFile.facilitySets.separator'))],
    [text('exportFile.meta.populationSource'), text(`exportFile.populationSource.${population.source}`)],
    [text('exportFile.meta.populationNote'), populationNote],
    [
      text('exportFile.meta.roadNetwork'),
      meta.roadNetworkSha256 === null
        ? text('exportFile.unknown')
        : `${DATA_FILES.routingGraph} sha256 ${meta.roadNetworkSha256}`,
    ],
    [text('exportFile.meta.counties'), meta.countiesSource],
  ];
}
