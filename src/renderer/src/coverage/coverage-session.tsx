import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SitingResult } from '../../../core/equity/siting';
import type { Facility } from '../../../shared/facilities';
import { DEFAULT_TRAVEL_PROFILES } from '../../../shared/travel-profiles';
import type { ScenarioRow } from '../db/outu-db';
import { runExportMetadata, type RunExportMetadata } from '../export/run-export-metadata';
import { useI18n } from '../i18n/i18n-context';
import { useAppStores } from '../stores/app-stores';
import { CoverageCancelled, CoverageClient } from './coverage-client';
import { buildRequest, DEFAULT_PRESET, inputsFromPreset, type CoverageInputs } from './coverage-inputs';
import { supplyFor } from './supply';
import { useCoverage } from './use-coverage';
import { useWhatIf } from './use-what-if';
import type { CoverageOutput } from './worker-protocol';

/** Scenario A on the main map, scenario B on a second map with the camera locked. */
export interface SplitView {
  a: ScenarioRow;
  b: ScenarioRow;
  outputs: [CoverageOutput, CoverageOutput] | null;
}

/**
 * The coverage run, the what-if on top of it and the scenario comparison, computed once and shared
 * by the coverage tab, the map, the detail panel, the legend and the exports. This is App's coverage
 * code as it was, behind one context, until a coverage store takes its place.
 */
function useCoverageSessionState() {
  const { db, platform, map, catalogue, ui } = useAppStores();
  const { t } = useI18n();
  const manifest = useStore(map, (s) => s.manifest);
  const catalogueStatus = useStore(catalogue, (s) => s.status);
  const facilitySets = useStore(catalogue, (s) => s.facilitySets);
  const facilities = useStore(catalogue, (s) => s.facilities);

  const coverage = useCoverage(db, platform.dataBaseUrl, manifest);
  const [coverageInputs, setCoverageInputs] = useState<CoverageInputs | null>(null);
  // Defaults need the facility sets, which arrive with the catalogue.
  useEffect(() => {
    if (coverageInputs === null && catalogueStatus.status === 'ready')
      setCoverageInputs(inputsFromPreset(DEFAULT_PRESET, facilitySets));
  }, [coverageInputs, catalogueStatus, facilitySets]);

  const coverageOutput = coverage.state.status === 'done' ? coverage.state.output : null;
  const runLabel = coverage.state.status === 'done' ? coverage.state.label : '';

  const proposedLabel = useCallback((i: number) => t('whatif.proposedName', { n: i + 1 }), [t]);
  const whatIf = useWhatIf(
    coverageOutput,
    platform.dataBaseUrl,
    manifest?.dataVersion ?? '',
    coverage.population,
    proposedLabel,
  );

  const savePlannedSites = async (result: SitingResult) => {
    const setId = `planned-${Date.now()}`;
    const name = t('siting.setName', { label: runLabel });
    const area = result.area.name;
    const planned: Facility[] = result.sites.map((site) => ({
      id: `${setId}:${site.rank}`,
      setId,
      name: t('siting.siteName', { rank: site.rank, area }),
      category:
        coverageInputs && coverageInputs.categories !== 'all' && coverageInputs.categories.length === 1
          ? coverageInputs.categories[0]!
          : 'other',
      status: 'planned',
      lon: site.lon,
      lat: site.lat,
      countyAdcode: site.county,
      capacity: {},
      extra: { addedPopulation: String(Math.round(site.addedPopulation)) },
    }));
    await catalogue.getState().saveSet(
      {
        id: setId,
        name,
        kind: 'planned',
        isSample: false,
        sourceCrs: 'wgs84',
        createdAt: new Date().toISOString(),
        count: planned.length,
      },
      planned,
    );
    ui.getState().showError(null);
  };

  const [split, setSplit] = useState<SplitView | null>(null);
  const splitClient = useRef<CoverageClient | null>(null);
  const openSplit = async (a: ScenarioRow, b: ScenarioRow) => {
    setSplit({ a, b, outputs: null });
    splitClient.current ??= new CoverageClient();
    const run = (row: ScenarioRow, i: number) =>
      splitClient.current!.run(
        {
          type: 'run',
          runId: `split-${i}-${row.id}`,
          dataBaseUrl: platform.dataBaseUrl,
          dataVersion: manifest?.dataVersion ?? '',
          request: row.request,
          profiles: DEFAULT_TRAVEL_PROFILES,
        },
        () => undefined,
      );
    try {
      const outA = await run(a, 0);
      const outB = await run(b, 1);
      setSplit((prev) => (prev && prev.a.id === a.id && prev.b.id === b.id ? { a, b, outputs: [outA, outB] } : prev));
    } catch (error) {
      if (!(error instanceof CoverageCancelled))
        ui.getState().showError(error instanceof Error ? error.message : String(error));
      setSplit(null);
    }
  };
  const closeSplit = () => setSplit(null);
  const shownOutput = split?.outputs ? split.outputs[0] : coverageOutput;

  const runCoverage = () => {
    if (!coverageInputs) return;
    const request = buildRequest(coverageInputs, facilities);
    if (!request) return;
    const label =
      coverageInputs.presetId === 'custom'
        ? `${t(`profile.${request.profile}`)} ${coverageInputs.thresholdsText}`
        : t(`preset.${coverageInputs.presetId}`);
    void coverage.run(request, label, supplyFor(request, facilities));
  };

  return {
    coverage,
    coverageOutput,
    runLabel,
    coverageInputs,
    setCoverageInputs,
    runCoverage,
    whatIf,
    savePlannedSites,
    split,
    openSplit,
    closeSplit,
    /** What the main map shows: scenario A while comparing, the run otherwise. */
    shownOutput,
  };
}

export type CoverageSession = ReturnType<typeof useCoverageSessionState>;

const CoverageSessionContext = createContext<CoverageSession | null>(null);

export function CoverageSessionProvider({ children }: { children: ReactNode }) {
  const session = useCoverageSessionState();
  return <CoverageSessionContext.Provider value={session}>{children}</CoverageSessionContext.Provider>;
}

export function useCoverageSession(): CoverageSession {
  const session = useContext(CoverageSessionContext);
  if (!session) throw new Error('useCoverageSession outside CoverageSessionProvider');
  return session;
}

/** What exports and the legend say about the run on the map. */
export function useRunExportMetadata(): RunExportMetadata {
  const { catalogue } = useAppStores();
  const { t } = useI18n();
  const { coverageOutput, runLabel, coverage } = useCoverageSession();
  const facilities = useStore(catalogue, (s) => s.facilities);
  const facilitySets = useStore(catalogue, (s) => s.facilitySets);
  const sampleSetIds = useStore(catalogue, (s) => s.sampleSetIds);
  return runExportMetadata({
    run: coverageOutput && { label: runLabel, ...coverageOutput },
    population: coverage.population,
    facilities,
    facilitySets,
    sampleSetIds,
    countyCentresName: t('facilities.countyCentres'),
  });
}
