import { useStore } from 'zustand';
import { useI18n } from '../i18n/i18n-context';
import { useAppStores } from '../stores/app-stores';
import { CoveragePanel } from './coverage-panel';
import { useCoverageSession } from './coverage-session';
import { PopulationSource } from './population-source';
import { ScenarioPanel } from './scenario-panel';
import { SitingPanel } from './siting-panel';
import { WhatIfPanel } from './what-if-panel';

/** The coverage tab: run settings and progress, then (once a run is on the map) equity, what-if, siting and scenarios. */
export function CoverageWorkspace() {
  const { db, platform, map, catalogue, coverage, ui } = useAppStores();
  const { t } = useI18n();
  const session = useCoverageSession();
  const { coverageOutput, coverageInputs } = session;
  const run = useStore(coverage, (s) => s.run);
  const whatIf = useStore(coverage, (s) => s.whatIf);
  const siting = useStore(coverage, (s) => s.siting);
  const population = useStore(coverage, (s) => s.population);
  const actions = coverage.getState();
  const facilitySets = useStore(catalogue, (s) => s.facilitySets);
  const facilities = useStore(catalogue, (s) => s.facilities);
  const placing = useStore(ui, (s) => s.placing === 'proposed-facility');
  if (!coverageInputs) return null;

  return (
    <CoveragePanel
      inputs={coverageInputs}
      onInputsChange={session.setCoverageInputs}
      sets={facilitySets}
      facilities={facilities}
      state={run}
      onRun={session.runCoverage}
      onCancel={actions.cancel}
      onCounty={(adcode) => void map.getState().zoomToCounty(adcode)}
      whatIf={
        coverageOutput && (
          <>
            {coverageOutput.equity && (
              <div className="button-row">
                <button type="button" onClick={() => ui.getState().openDialog('equity')} data-testid="open-equity">
                  {t('equity.open')}
                </button>
              </div>
            )}
            <WhatIfPanel
              base={coverageOutput.result}
              whatIf={whatIf}
              placing={placing}
              onPlace={() => ui.getState().startPlacing('proposed-facility')}
              onRemove={actions.removeProposed}
              onReset={actions.resetWhatIf}
              {...(coverageOutput.equity
                ? { baseGini: coverageOutput.equity.gini, baseBeyondShare: coverageOutput.equity.beyondShare }
                : {})}
              nameOf={(id) => coverageOutput.result.request.facilities.find((f) => f.id === id)?.name ?? id}
            />
            {coverageOutput.result.request.method === 'network' && (
              <SitingPanel
                state={siting}
                candidateSets={facilitySets
                  .filter((s) => s.kind !== 'county-centres')
                  .map((s) => ({ id: s.id, name: s.name }))}
                onRun={(area, n, candidateSet) =>
                  void actions.site(
                    area,
                    n,
                    candidateSet
                      ? facilities
                          .filter((f) => f.setId === candidateSet)
                          .map((f) => ({ id: f.id, name: f.name, lon: f.lon, lat: f.lat }))
                      : undefined,
                  )
                }
                onToWhatIf={(result) => result.sites.forEach((s) => actions.addProposed(s.lon, s.lat))}
                onSave={(result) => void session.savePlannedSites(result)}
              />
            )}
            <ScenarioPanel
              db={db}
              base={coverageOutput.result}
              baseLabel={session.runLabel}
              whatIf={whatIf}
              onSplit={(a, b) => void session.openSplit(a, b)}
            />
          </>
        )
      }
      population={
        <PopulationSource
          platform={platform}
          population={population}
          onChange={(next) => void actions.setPopulation(next)}
        />
      }
    />
  );
}
