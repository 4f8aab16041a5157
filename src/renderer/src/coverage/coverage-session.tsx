import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { supplyFor } from '../../../core/analysis/supply';
import type { SitingResult } from '../../../core/equity/siting';
import type { Facility } from '../../../shared/facilities';
import type { ScenarioRow } from '../db/scenario-repo';
import { runExportMetadata, type RunExportMetadata } from '../export/run-export-metadata';
import { useI18n } from '../i18n/i18n-context';
import { useAppStores } from '../stores/app-stores';
import {
  buildRequest,
  DEFAULT_PRESET,
  inputsFromPreset,
  twoStepCatchment,
  type CoverageInputs,
} from './coverage-inputs';

/**
 * The coverage tab's form (the inputs of the next run) and what the coverage views derive from the
 * coverage store: the run on the map, its label, what the main map shows while comparing. The
 * numbers themselves are computed by the analysis service and held in `coverage/coverage-store.ts`.
 */
function useCoverageSessionState() {
  const { catalogue, coverage, ui } = useAppStores();
  const { t } = useI18n();
  const catalogueStatus = useStore(catalogue, (s) => s.status);
  const facilitySets = useStore(catalogue, (s) => s.facilitySets);
  const facilities = useStore(catalogue, (s) => s.facilities);
  const run = useStore(coverage, (s) => s.run);
  const split = useStore(coverage, (s) => s.split);

  const [coverageInputs, setCoverageInputs] = useState<CoverageInputs | null>(null);
  // Defaults need the facility sets, which arrive with the catalogue.
  useEffect(() => {
    if (coverageInputs === null && catalogueStatus.status === 'ready')
      setCoverageInputs(inputsFromPreset(DEFAULT_PRESET, facilitySets));
  }, [coverageInputs, catalogueStatus, facilitySets]);

  const coverageOutput = run.status === 'done' ? run.output : null;
  const runLabel = run.status === 'done' ? run.label : '';

  const runCoverage = () => {
    if (!coverageInputs) return;
    const request = buildRequest(coverageInputs, facilities);
    if (!request) return;
    const label =
      coverageInputs.presetId === 'custom'
        ? `${t(`profile.${request.profile}`)} ${coverageInputs.thresholdsText}`
        : t(`preset.${coverageInputs.presetId}`);
    const supply = supplyFor(request, facilities);
    const catchment = twoStepCatchment(coverageInputs);
    void coverage.getState().runCoverage(request, label, supply && catchment ? { ...supply, catchment } : supply);
  };

  /** The suggested sites become a facility set of planned sites, named after the run. */
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

  /** Scenario A on the main map, B beside it; a failure (not a cancel) shows in the error banner. */
  const openSplit = (a: ScenarioRow, b: ScenarioRow) =>
    coverage
      .getState()
      .openSplit(a, b)
      .catch((error: unknown) => ui.getState().showError(error instanceof Error ? error.message : String(error)));

  return {
    coverageOutput,
    runLabel,
    coverageInputs,
    setCoverageInputs,
    runCoverage,
    savePlannedSites,
    openSplit,
    /** What the main map shows: scenario A while comparing, the run otherwise. */
    shownOutput: split?.outputs ? split.outputs[0] : coverageOutput,
    /** A compared scenario has no 2SFCA layer. */
    shownAccess: split?.outputs ? null : (coverageOutput?.twoStep?.cells ?? null),
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
  const { catalogue, coverage } = useAppStores();
  const { t } = useI18n();
  const { coverageOutput, runLabel } = useCoverageSession();
  const population = useStore(coverage, (s) => s.population);
  const facilities = useStore(catalogue, (s) => s.facilities);
  const facilitySets = useStore(catalogue, (s) => s.facilitySets);
  const sampleSetIds = useStore(catalogue, (s) => s.sampleSetIds);
  return runExportMetadata({
    run: coverageOutput && { label: runLabel, ...coverageOutput },
    population,
    facilities,
    facilitySets,
    sampleSetIds,
    countyCentresName: t('facilities.countyCentres'),
  });
}
