import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MenuCommand } from '../../shared/ipc';
import type { OutuDb } from './db/outu-db';
import { saveLanguage, saveLayerState, saveShowGcj } from './db/settings-store';
import { I18nProvider } from './i18n/i18n-context';
import { translate, type Language } from './i18n/translate';
import { DEFAULT_LAYER_STATE, type LayerState } from './map/layer-state';
import { loadBasemapData, type BasemapData } from './map/load-basemap-data';
import type { MapController } from './map/map-controller';
import { MapView } from './map/map-view';
import type { Platform } from './platform/platform';
import { AboutDialog } from './ui/about-dialog';
import { CoordinateReadout } from './ui/coordinate-readout';
import { LayerPanel } from './ui/layer-panel';
import { clearFileOverlay, showFileOverlay } from './map/file-overlay';
import { openGeoJson, type OpenedOverlay } from './ui/open-geojson';
import { ErrorBanner, OverlayBar } from './ui/overlay-bar';
import { Toolbar } from './ui/toolbar';
import { useCatalogue } from './catalogue/use-catalogue';
import { useCatalogueView } from './catalogue/use-catalogue-view';
import { useCatalogueMap } from './catalogue/use-catalogue-map';
import { Sidebar, type SidebarTab } from './ui/sidebar';
import { ProjectFilterPanel } from './catalogue/project-filter-panel';
import { FacilityPanel } from './catalogue/facility-panel';
import { TableDrawer } from './catalogue/table-drawer';
import { DetailPanel } from './catalogue/detail-panel';
import { SearchBox } from './catalogue/search-box';
import { PickList } from './catalogue/pick-list';
import { ImportDialog } from './catalogue/import-dialog';
import { DataCheckDialog } from './catalogue/data-check-dialog';
import { loadSampleSets } from './catalogue/load-samples';
import type { CatalogueRef } from './map/catalogue-map';
import { CoveragePanel } from './coverage/coverage-panel';
import { PopulationSource } from './coverage/population-source';
import { WhatIfPanel } from './coverage/what-if-panel';
import { ScenarioPanel } from './coverage/scenario-panel';
import { SplitMap } from './coverage/split-map';
import { useStore } from 'zustand';
import { createAnalysisService } from './analysis/analysis-service';
import { createCoverageStore } from './coverage/coverage-store';
import { EquityDrawer } from './coverage/equity-drawer';
import { SitingPanel } from './coverage/siting-panel';
import { supplyFor } from '../../core/analysis/supply';
import type { SitingResult } from '../../core/equity/siting';
import type { Facility } from '../../shared/facilities';
import { IndicatorsDialog } from './indicators/indicators-dialog';
import { WhatIfMarkers } from './map/what-if-markers';
import { buildRequest, DEFAULT_PRESET, inputsFromPreset, type CoverageInputs } from './coverage/coverage-inputs';
import { showCoverage, showSitingSites } from './map/coverage-layers';
import { countyBounds } from './catalogue/facility-import';
import { applyPositionCorrections } from '../../core/projects/apply-positions';
import type { AnnotationBody } from '../../shared/field';
import { useField } from './field/use-field';
import { useFieldMap } from './field/use-field-map';
import { FieldPanel } from './field/field-panel';
import { AnnotationEditor } from './field/annotation-editor';
import { ProjectFieldSection } from './field/project-field-section';
import { ExchangeSection } from './field/exchange-section';
import { facilityCategoryOfProject } from '../../core/projects/facility-category';
import { useUndoShortcuts } from './field/use-undo-shortcuts';
import { ExportDialog } from './export/export-dialog';
import { DataExportSection } from './export/data-export-section';

/** Matches .detail-panel's width in styles.css: the map keeps its centre clear of it. */
const DETAIL_PANEL_WIDTH = 340;

export interface AppProps {
  platform: Platform;
  /** null when IndexedDB is unavailable: the app still works, settings are not kept. */
  db: OutuDb | null;
  dbError: string | null;
  initialLanguage: Language;
  initialLayerState: LayerState;
  initialShowGcj: boolean;
}

type Load = { status: 'loading' } | { status: 'ready'; data: BasemapData } | { status: 'error'; reason: string };

/** Persists in the background; a failed write is reported but never blocks the UI. */
function persist(task: Promise<void> | undefined) {
  task?.catch((error: unknown) => console.error('OuTu: could not save settings', error));
}

export function App({ platform, db, dbError, initialLanguage, initialLayerState, initialShowGcj }: AppProps) {
  const [language, setLanguage] = useState(initialLanguage);
  const [layerState, setLayerState] = useState(initialLayerState);
  const [showGcj, setShowGcj] = useState(initialShowGcj);
  const [sidebarOpen, setSidebarOpen] = useState(true);
  const [sidebarTab, setSidebarTab] = useState<SidebarTab>('layers');
  const [tableOpen, setTableOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [dataCheckOpen, setDataCheckOpen] = useState(false);
  const [indicatorsOpen, setIndicatorsOpen] = useState(false);
  const [equityOpen, setEquityOpen] = useState(false);
  const [exportOpen, setExportOpen] = useState(false);
  const [appVersion, setAppVersion] = useState('');
  const [samplesLoading, setSamplesLoading] = useState(false);
  const [pick, setPick] = useState<CatalogueRef[] | null>(null);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [controller, setController] = useState<MapController | null>(null);
  const [overlay, setOverlay] = useState<OpenedOverlay | null>(null);
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const t = useCallback(
    (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
      translate(language, key, params),
    [language],
  );

  useEffect(() => {
    void platform.appInfo().then((info) => setAppVersion(info.version));
  }, [platform]);

  useEffect(() => {
    loadBasemapData(platform.dataBaseUrl).then(
      (data) => setLoad({ status: 'ready', data }),
      (error: unknown) => setLoad({ status: 'error', reason: error instanceof Error ? error.message : String(error) }),
    );
  }, [platform]);

  const manifest = load.status === 'ready' ? load.data.manifest : null;
  const field = useField(db);
  const storedCatalogue = useCatalogue(db, platform.dataBaseUrl, manifest);
  // Field corrections move projects on top of the shipped rows, which stay untouched.
  const correctedProjects = useMemo(
    () => applyPositionCorrections(storedCatalogue.projects, field.snapshot.positions),
    [storedCatalogue.projects, field.snapshot.positions],
  );
  const catalogue = { ...storedCatalogue, projects: correctedProjects };
  const view = useCatalogueView(catalogue);
  const { setSelection } = view;
  const [selectedAnnotationId, setSelectedAnnotationId] = useState<string | null>(null);
  const [fieldPlacing, setFieldPlacing] = useState(false);
  const [locating, setLocating] = useState(false);
  const [correctingSeq, setCorrectingSeq] = useState<number | null>(null);

  const select = useCallback(
    (ref: CatalogueRef, fly: boolean) => {
      setSelection(ref);
      setSelectedAnnotationId(null);
      setCorrectingSeq(null);
      setPick(null);
      if (ref.kind === 'facility') setSidebarTab((tab) => (tab === 'projects' ? 'facilities' : tab));
      if (ref.kind === 'project') setSidebarTab((tab) => (tab === 'facilities' ? 'projects' : tab));
      if (!fly || !controller) return;
      const point =
        ref.kind === 'project'
          ? catalogue.projects.find((p) => p.seq === ref.seq)
          : catalogue.facilities.find((f) => f.id === ref.id);
      if (!point || point.lon === null || point.lat === null) return;
      // The detail panel is about to cover the right of the map: centre the point in what stays visible.
      controller.setRightInset(DETAIL_PANEL_WIDTH);
      controller.flyTo([point.lon, point.lat]);
    },
    [controller, catalogue.projects, catalogue.facilities, setSelection],
  );

  const proposedLabel = useCallback((i: number) => t('whatif.proposedName', { n: i + 1 }), [t]);
  // Coverage state lives in its store; every computation goes through the one analysis service.
  const [analysis] = useState(() => createAnalysisService());
  useEffect(() => () => analysis.dispose(), [analysis]);
  const [coverageStore] = useState(() =>
    createCoverageStore({ service: analysis, db, dataBaseUrl: platform.dataBaseUrl, proposedName: proposedLabel }),
  );
  const coverage = useStore(coverageStore);
  useEffect(() => {
    if (manifest) void coverageStore.getState().start(manifest.dataVersion);
  }, [coverageStore, manifest]);
  useEffect(() => coverageStore.getState().setProposedName(proposedLabel), [coverageStore, proposedLabel]);
  const [coverageInputs, setCoverageInputs] = useState<CoverageInputs | null>(null);
  // Defaults need the facility sets, which arrive with the catalogue.
  useEffect(() => {
    if (coverageInputs === null && catalogue.status.status === 'ready')
      setCoverageInputs(inputsFromPreset(DEFAULT_PRESET, catalogue.facilitySets));
  }, [coverageInputs, catalogue.status, catalogue.facilitySets]);

  const coverageOutput = coverage.run.status === 'done' ? coverage.run.output : null;
  const whatIf = coverage.whatIf;
  const [placing, setPlacing] = useState(false);
  const { addProposed, moveProposed } = coverage;

  useEffect(() => {
    if (!controller || !placing) return;
    const map = controller.map;
    map.getCanvas().style.cursor = 'crosshair';
    const onClick = (event: { lngLat: { lng: number; lat: number } }) => {
      addProposed(event.lngLat.lng, event.lngLat.lat);
      setPlacing(false);
    };
    map.once('click', onClick);
    return () => {
      map.off('click', onClick);
      map.getCanvas().style.cursor = '';
    };
  }, [controller, placing, addProposed]);

  const markersRef = useRef<WhatIfMarkers | null>(null);
  useEffect(() => {
    if (!controller) return;
    const markers = new WhatIfMarkers(controller.map, moveProposed);
    markersRef.current = markers;
    return () => markers.dispose();
  }, [controller, moveProposed]);
  useEffect(() => markersRef.current?.sync(whatIf.proposed), [whatIf.proposed]);

  const savePlannedSites = async (result: SitingResult) => {
    const label = coverage.run.status === 'done' ? coverage.run.label : '';
    const setId = `planned-${Date.now()}`;
    const name = t('siting.setName', { label });
    const area = result.area.name;
    const facilities: Facility[] = result.sites.map((site) => ({
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
    await catalogue.saveSet(
      {
        id: setId,
        name,
        kind: 'planned',
        isSample: false,
        sourceCrs: 'wgs84',
        createdAt: new Date().toISOString(),
        count: facilities.length,
      },
      facilities,
    );
    setErrorMessage(null);
  };

  // Split view: scenario A on the main map, scenario B on a second map with the camera locked.
  const split = coverage.split;
  const shownOutput = split?.outputs ? split.outputs[0] : coverageOutput;
  // A compared scenario has no 2SFCA layer.
  const shownAccess = split?.outputs ? null : (coverageOutput?.twoStep?.cells ?? null);

  useEffect(() => {
    controller?.whenStyleReady(() =>
      showCoverage(controller.map, shownOutput?.bands ?? null, shownOutput?.uncovered ?? null, shownAccess),
    );
  }, [controller, shownOutput, shownAccess]);

  const sitingSites = coverage.siting.result?.sites;
  useEffect(() => {
    controller?.whenStyleReady(() => showSitingSites(controller.map, coverageOutput ? (sitingSites ?? []) : []));
  }, [controller, sitingSites, coverageOutput]);

  const runCoverage = () => {
    if (!coverageInputs) return;
    const request = buildRequest(coverageInputs, catalogue.facilities);
    if (!request) return;
    const label =
      coverageInputs.presetId === 'custom'
        ? `${t(`profile.${request.profile}`)} ${coverageInputs.thresholdsText}`
        : t(`preset.${coverageInputs.presetId}`);
    void coverage.runCoverage(request, label, supplyFor(request, catalogue.facilities));
  };

  const zoomToCounty = async (adcode: number) => {
    const bounds = await countyBounds(platform.dataBaseUrl, adcode);
    if (bounds && controller) controller.fitBounds(bounds);
  };

  const selectedAnnotation = field.snapshot.annotations.find((a) => a.id === selectedAnnotationId) ?? null;
  const selectAnnotation = useCallback(
    (id: string) => {
      setSelection(null);
      setCorrectingSeq(null);
      setSelectedAnnotationId(id);
    },
    [setSelection],
  );

  const createAnnotation = async (body: Pick<AnnotationBody, 'lon' | 'lat'> & Partial<AnnotationBody>) => {
    try {
      const id = await field.addAnnotation(
        {
          title: t('field.newTitle', { n: field.snapshot.annotations.length + 1 }),
          note: '',
          status: 'not-started',
          category: 'other',
          accuracyM: null,
          positionSource: 'map',
          attachedTo: null,
          ...body,
        },
        t('change.addAnnotation'),
      );
      selectAnnotation(id);
    } catch (error) {
      setErrorMessage(t('field.saveFailed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const locateDevice = () => {
    if (!('geolocation' in navigator)) return setErrorMessage(t('field.noGeolocation'));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        const { longitude: lon, latitude: lat, accuracy } = position.coords;
        controller?.flyTo([lon, lat]);
        void createAnnotation({ lon, lat, accuracyM: accuracy, positionSource: 'device' });
      },
      (error) => {
        setLocating(false);
        setErrorMessage(t('field.locateFailed', { reason: error.message || String(error.code) }));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  const annotateDetail = () => {
    const detail = view.detail;
    if (!detail) return;
    if (detail.kind === 'project') {
      const p = detail.project;
      const centre = controller?.map.getCenter();
      void createAnnotation({
        title: p.name,
        lon: p.lon ?? centre?.lng ?? 120.65,
        lat: p.lat ?? centre?.lat ?? 28,
        category: facilityCategoryOfProject(p.category),
        positionSource: p.lon === null ? 'map' : 'attached',
        attachedTo: { kind: 'project', seq: p.seq },
      });
    } else {
      const f = detail.facility;
      void createAnnotation({
        title: f.name,
        lon: f.lon,
        lat: f.lat,
        category: f.category,
        positionSource: 'attached',
        attachedTo: { kind: 'facility', id: f.id },
      });
    }
  };

  const correctingProject =
    correctingSeq === null ? null : (catalogue.projects.find((p) => p.seq === correctingSeq) ?? null);
  const fieldMap = useFieldMap(controller, {
    annotations: field.snapshot.annotations,
    photoCounts: field.photoCounts,
    selected: selectedAnnotation,
    onSelect: selectAnnotation,
    onMoveSelected: (lon, lat) => {
      if (selectedAnnotation)
        void field.updateAnnotation(
          selectedAnnotation.id,
          { ...selectedAnnotation.body, lon, lat, accuracyM: null, positionSource: 'map' },
          t('change.moveAnnotation'),
        );
    },
    placing: fieldPlacing,
    onPlaced: (lon, lat) => {
      setFieldPlacing(false);
      void createAnnotation({ lon, lat });
    },
    correctingFrom: correctingProject
      ? correctingProject.lon !== null && correctingProject.lat !== null
        ? [correctingProject.lon, correctingProject.lat]
        : 'centre'
      : null,
  });
  const saveCorrection = () => {
    const at = fieldMap.correctionPosition();
    if (correctingProject && at)
      void field.correctPosition(correctingProject, at[0], at[1], t('change.correctPosition'));
    setCorrectingSeq(null);
  };
  useUndoShortcuts(field);

  const attachedName = (() => {
    const target = selectedAnnotation?.body.attachedTo;
    if (!target) return null;
    if (target.kind === 'project')
      return catalogue.projects.find((p) => p.seq === target.seq)?.name ?? `${t('detail.project')} ${target.seq}`;
    return catalogue.facilities.find((f) => f.id === target.id)?.name ?? target.id;
  })();

  const detailOpen = view.detail !== null || selectedAnnotation !== null;

  /** The bands of the run on the map, for the legend and the exported sheet's legend. */
  const coverageBands = coverageOutput && {
    thresholds:
      coverageOutput.result.request.method === 'network'
        ? coverageOutput.result.request.thresholdsMin
        : coverageOutput.result.request.radiiM,
    unit: coverageOutput.result.request.method === 'network' ? ('min' as const) : ('m' as const),
  };

  // What an exported sheet or data file says about the run on the map.
  const runFacilityIds = new Set(coverageOutput?.result.request.facilities.map((f) => f.id) ?? []);
  const runSetIds = new Set(catalogue.facilities.filter((f) => runFacilityIds.has(f.id)).map((f) => f.setId));
  const runSetNames = catalogue.facilitySets
    .filter((s) => runSetIds.has(s.id))
    .map((s) => (s.kind === 'county-centres' ? t('facilities.countyCentres') : s.name));
  const sheetRun =
    coverageOutput && coverage.run.status === 'done'
      ? {
          label: coverage.run.label,
          result: coverageOutput.result,
          ...(coverageOutput.equity ? { equity: coverageOutput.equity } : {}),
          ...(coverage.population ? { importedPopulation: coverage.population.name } : {}),
          usesSamples: [...runSetIds].some((id) => catalogue.sampleSetIds.has(id)),
        }
      : null;
  useEffect(() => controller?.setRightInset(detailOpen ? DETAIL_PANEL_WIDTH : 0), [controller, detailOpen]);

  useCatalogueMap(controller, view.shownProjects, view.shownFacilities, catalogue.sampleSetIds, view.selectedPoint, {
    onSelect: (ref) => select(ref, false),
    onPickMany: (refs) => setPick(refs),
    tooltip: view.nameOf,
  });

  const loadSamples = async () => {
    setSamplesLoading(true);
    try {
      for (const { set, facilities } of await loadSampleSets(platform.dataBaseUrl))
        await catalogue.saveSet(set, facilities);
    } catch (error) {
      setErrorMessage(t('samples.failed', { reason: error instanceof Error ? error.message : String(error) }));
    } finally {
      setSamplesLoading(false);
    }
  };

  useEffect(() => {
    document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
    document.title = t('app.title');
  }, [language, t]);

  const changeLanguage = useCallback(
    (next: Language) => {
      setLanguage(next);
      persist(db ? saveLanguage(db, next) : undefined);
    },
    [db],
  );

  const changeLayerState = useCallback(
    (next: LayerState) => {
      setLayerState(next);
      persist(db ? saveLayerState(db, next) : undefined);
    },
    [db],
  );

  const changeShowGcj = (next: boolean) => {
    setShowGcj(next);
    persist(db ? saveShowGcj(db, next) : undefined);
  };

  const openFile = useCallback(async () => {
    const outcome = await openGeoJson(platform, t);
    if (outcome.kind === 'opened') {
      setErrorMessage(null);
      setOverlay(outcome.overlay);
    } else if (outcome.kind === 'error') setErrorMessage(outcome.message);
  }, [platform, t]);

  useEffect(() => {
    if (!controller) return;
    const map = controller.map;
    const apply = () => {
      if (!overlay) return clearFileOverlay(map);
      showFileOverlay(map, overlay.collection);
      controller.fitBounds(overlay.bbox);
    };
    controller.whenStyleReady(apply);
  }, [controller, overlay]);

  useEffect(
    () =>
      platform.onMenuCommand((command: MenuCommand) => {
        switch (command) {
          case 'toggle-layer-panel':
            return setSidebarOpen((open) => !open);
          case 'zoom-to-city':
            return controller?.zoomToCity();
          case 'language-zh':
            return changeLanguage('zh');
          case 'language-en':
            return changeLanguage('en');
          case 'show-about':
            return setAboutOpen(true);
          case 'open-file':
            return void openFile();
        }
      }),
    [platform, controller, changeLanguage, openFile],
  );

  return (
    <I18nProvider language={language}>
      <div className="app">
        <Toolbar
          search={
            <SearchBox
              projects={catalogue.projects}
              facilities={catalogue.facilities}
              onChoose={(ref) => select(ref, true)}
            />
          }
          tableOpen={tableOpen}
          onToggleTable={() => setTableOpen((open) => !open)}
          layerPanelOpen={sidebarOpen}
          onToggleLayers={() => setSidebarOpen((open) => !open)}
          onZoomToCity={() => controller?.zoomToCity()}
          onToggleLanguage={() => changeLanguage(language === 'zh' ? 'en' : 'zh')}
          onAbout={() => setAboutOpen(true)}
          onOpenFile={() => void openFile()}
          onIndicators={() => setIndicatorsOpen(true)}
          onExport={() => setExportOpen(true)}
        />
        {dbError && <div className="banner warning">{t('db.unavailable', { reason: dbError })}</div>}
        {catalogue.status.status === 'error' && (
          <div className="banner error-banner" role="alert">
            {t('catalogue.loadError', { reason: catalogue.status.reason })}
          </div>
        )}
        {errorMessage && <ErrorBanner message={errorMessage} onDismiss={() => setErrorMessage(null)} />}
        <main className="workspace">
          {sidebarOpen && (
            <Sidebar tab={sidebarTab} onTabChange={setSidebarTab} onClose={() => setSidebarOpen(false)}>
              {sidebarTab === 'layers' && (
                <LayerPanel
                  state={layerState}
                  onChange={changeLayerState}
                  onReset={() => changeLayerState(DEFAULT_LAYER_STATE)}
                  coverage={coverageBands}
                />
              )}
              {sidebarTab === 'projects' && (
                <ProjectFilterPanel
                  projects={catalogue.projects}
                  shown={view.shownProjects}
                  filter={view.projectFilter}
                  onChange={view.setProjectFilter}
                  onDataCheck={() => setDataCheckOpen(true)}
                />
              )}
              {sidebarTab === 'coverage' && coverageInputs && (
                <CoveragePanel
                  inputs={coverageInputs}
                  onInputsChange={setCoverageInputs}
                  sets={catalogue.facilitySets}
                  facilities={catalogue.facilities}
                  state={coverage.run}
                  onRun={runCoverage}
                  onCancel={coverage.cancel}
                  onCounty={(adcode) => void zoomToCounty(adcode)}
                  whatIf={
                    coverageOutput && (
                      <>
                        {coverageOutput.equity && (
                          <div className="button-row">
                            <button type="button" onClick={() => setEquityOpen(true)} data-testid="open-equity">
                              {t('equity.open')}
                            </button>
                          </div>
                        )}
                        <WhatIfPanel
                          base={coverageOutput.result}
                          whatIf={whatIf}
                          placing={placing}
                          onPlace={() => setPlacing(true)}
                          onRemove={coverage.removeProposed}
                          onReset={coverage.resetWhatIf}
                          {...(coverageOutput.equity ? { baseGini: coverageOutput.equity.gini } : {})}
                          nameOf={(id) => coverageOutput.result.request.facilities.find((f) => f.id === id)?.name ?? id}
                        />
                        {coverageOutput.result.request.method === 'network' && (
                          <SitingPanel
                            state={coverage.siting}
                            candidateSets={catalogue.facilitySets
                              .filter((s) => s.kind !== 'county-centres')
                              .map((s) => ({ id: s.id, name: s.name }))}
                            onRun={(area, n, candidateSet) =>
                              void coverage.site(
                                area,
                                n,
                                candidateSet
                                  ? catalogue.facilities
                                      .filter((f) => f.setId === candidateSet)
                                      .map((f) => ({ id: f.id, name: f.name, lon: f.lon, lat: f.lat }))
                                  : undefined,
                              )
                            }
                            onToWhatIf={(result) => result.sites.forEach((s) => addProposed(s.lon, s.lat))}
                            onSave={(result) => void savePlannedSites(result)}
                          />
                        )}
                        <ScenarioPanel
                          db={db}
                          base={coverageOutput.result}
                          baseLabel={coverage.run.status === 'done' ? coverage.run.label : ''}
                          whatIf={whatIf}
                          onSplit={(a, b) =>
                            coverage
                              .openSplit(a, b)
                              .catch((error: unknown) =>
                                setErrorMessage(error instanceof Error ? error.message : String(error)),
                              )
                          }
                        />
                      </>
                    )
                  }
                  population={
                    <PopulationSource
                      platform={platform}
                      population={coverage.population}
                      onChange={(next) => void coverage.setPopulation(next)}
                    />
                  }
                />
              )}
              {sidebarTab === 'field' && (
                <FieldPanel
                  field={field}
                  placing={fieldPlacing}
                  locating={locating}
                  selectedId={selectedAnnotationId}
                  onPlace={() => setFieldPlacing(true)}
                  onLocate={locateDevice}
                  onSelect={(id) => {
                    selectAnnotation(id);
                    const a = field.snapshot.annotations.find((x) => x.id === id);
                    if (a && controller) {
                      controller.setRightInset(DETAIL_PANEL_WIDTH);
                      controller.flyTo([a.body.lon, a.body.lat]);
                    }
                  }}
                  exchange={
                    db && (
                      <ExchangeSection
                        db={db}
                        platform={platform}
                        field={field}
                        dataVersion={manifest?.dataVersion ?? ''}
                        onError={setErrorMessage}
                      />
                    )
                  }
                />
              )}
              {sidebarTab === 'facilities' && (
                <FacilityPanel
                  sets={catalogue.facilitySets}
                  facilities={catalogue.facilities}
                  shown={view.shownFacilities}
                  view={view.facilityView}
                  onViewChange={view.setFacilityView}
                  onImport={() => setImportOpen(true)}
                  onLoadSamples={() => void loadSamples()}
                  samplesLoading={samplesLoading}
                  onDeleteSet={(set) => {
                    const name = set.name;
                    if (window.confirm(t('facilities.confirmDelete', { name, count: set.count })))
                      void catalogue.removeSet(set.id);
                  }}
                />
              )}
            </Sidebar>
          )}
          <div className="map-column">
            <div className={split ? 'map-area split' : 'map-area'}>
              {load.status === 'loading' && <div className="map-message">{t('app.loading')}</div>}
              {load.status === 'error' && (
                <div className="map-message error" role="alert">
                  <p>{t('app.loadError', { reason: load.reason })}</p>
                  <p>{t('app.loadErrorHint')}</p>
                </div>
              )}
              {load.status === 'ready' && (
                <MapView
                  dataBaseUrl={platform.dataBaseUrl}
                  archive={load.data.archive}
                  language={language}
                  layerState={layerState}
                  attribution={t('attribution.short')}
                  onReady={setController}
                />
              )}
              {split && controller && load.status === 'ready' && (
                <>
                  <span className="split-label-left" data-testid="split-label-a">
                    A · {split.a.name}
                  </span>
                  <SplitMap
                    main={controller}
                    dataBaseUrl={platform.dataBaseUrl}
                    archive={load.data.archive}
                    language={language}
                    layerState={layerState}
                    attribution={t('attribution.short')}
                    output={split.outputs?.[1] ?? null}
                    label={`B · ${split.b.name}`}
                  />
                  <div className="split-bar">
                    {!split.outputs && <span className="badge sample">{t('scenario.splitComputing')}</span>}
                    <button type="button" onClick={coverage.closeSplit} data-testid="split-close">
                      {t('scenario.closeSplit')}
                    </button>
                  </div>
                </>
              )}
              {overlay && <OverlayBar overlay={overlay} onClose={() => setOverlay(null)} />}
              {view.detail && (
                <DetailPanel
                  item={view.detail}
                  onClose={() => {
                    setSelection(null);
                    setCorrectingSeq(null);
                  }}
                  {...(field.available && field.author ? { onAnnotate: annotateDetail } : {})}
                  fieldSection={
                    view.detail.kind === 'project' && (
                      <ProjectFieldSection
                        field={field}
                        projectSeq={view.detail.project.seq}
                        correction={view.detail.project.correction}
                        hasPoint={view.detail.project.lon !== null}
                        correcting={correctingSeq === view.detail.project.seq}
                        onStartCorrecting={() =>
                          view.detail?.kind === 'project' && setCorrectingSeq(view.detail.project.seq)
                        }
                        onSaveCorrection={saveCorrection}
                        onCancelCorrection={() => setCorrectingSeq(null)}
                      />
                    )
                  }
                  onZoom={() => view.selection && select(view.selection, true)}
                  {...(view.detail.kind === 'project' && coverageOutput && view.detail.project.lon !== null
                    ? {
                        onAddToWhatIf: () => {
                          if (
                            view.detail?.kind === 'project' &&
                            view.detail.project.lon !== null &&
                            view.detail.project.lat !== null
                          )
                            addProposed(view.detail.project.lon, view.detail.project.lat);
                        },
                      }
                    : {})}
                  {...(view.detail.kind === 'facility' &&
                  coverageOutput?.result.request.facilities.some(
                    (f) => view.detail?.kind === 'facility' && f.id === view.detail.facility.id,
                  )
                    ? {
                        whatIfClosed: whatIf.closed.includes(view.detail.facility.id),
                        onToggleWhatIfClosed: () =>
                          view.detail?.kind === 'facility' && coverage.toggleClosed(view.detail.facility.id),
                      }
                    : {})}
                />
              )}
              {!view.detail && selectedAnnotation && (
                <AnnotationEditor
                  db={db}
                  field={field}
                  annotation={selectedAnnotation}
                  attachedName={attachedName}
                  onClose={() => setSelectedAnnotationId(null)}
                  onZoom={() => controller?.flyTo([selectedAnnotation.body.lon, selectedAnnotation.body.lat])}
                  onMessage={setErrorMessage}
                />
              )}
              {pick && (
                <PickList
                  items={pick.map((ref) => ({ ref, name: view.nameOf(ref) }))}
                  onPick={(ref) => select(ref, false)}
                  onClose={() => setPick(null)}
                />
              )}
            </div>
            {equityOpen && coverageOutput?.equity && (
              <EquityDrawer
                label={coverage.run.status === 'done' ? coverage.run.label : ''}
                result={whatIf.preview?.result ?? coverageOutput.result}
                equity={whatIf.preview?.equity ?? coverageOutput.equity}
                onCounty={(adcode) => void zoomToCounty(adcode)}
                onGap={(bbox) => controller?.fitBounds(bbox)}
                onClose={() => setEquityOpen(false)}
                twoStep={coverageOutput.twoStep}
              />
            )}
            {tableOpen && (
              <TableDrawer
                mode={sidebarTab === 'facilities' ? 'facilities' : 'projects'}
                projects={view.shownProjects}
                facilities={view.shownFacilities}
                facilitySets={catalogue.facilitySets}
                selection={view.selection}
                onSelect={(ref) => select(ref, true)}
                onClose={() => setTableOpen(false)}
              />
            )}
            <CoordinateReadout controller={controller} showGcj={showGcj} onShowGcjChange={changeShowGcj} />
          </div>
        </main>
        {importOpen && (
          <ImportDialog
            platform={platform}
            dataBaseUrl={platform.dataBaseUrl}
            existingSets={catalogue.facilitySets}
            onImported={async (set, facilities) => {
              await catalogue.saveSet(set, facilities);
              setSidebarTab('facilities');
            }}
            onClose={() => setImportOpen(false)}
          />
        )}
        {exportOpen && controller && (
          <ExportDialog
            map={controller.map}
            platform={platform}
            layerState={layerState}
            run={sheetRun}
            coverage={coverageBands && { ...coverageBands, access: Boolean(coverageOutput?.twoStep) }}
            presence={{
              annotationStatuses: new Set(field.snapshot.annotations.map((a) => a.body.status)),
              projectCategories: new Set(view.shownProjects.filter((p) => p.lon !== null).map((p) => p.category)),
              facilityCategories: new Set(view.shownFacilities.map((f) => f.category)),
            }}
            manifest={manifest}
            appVersion={appVersion}
            onClose={() => setExportOpen(false)}
            dataSection={
              <DataExportSection
                platform={platform}
                run={
                  coverageOutput && sheetRun
                    ? {
                        label: sheetRun.label,
                        result: coverageOutput.result,
                        bands: coverageOutput.bands,
                        facilitySetNames: runSetNames,
                        population: coverage.population
                          ? { name: coverage.population.name, bytes: coverage.population.bytes }
                          : null,
                      }
                    : null
                }
                facilities={view.shownFacilities}
                projects={view.shownProjects}
                manifest={manifest}
                appVersion={appVersion}
              />
            }
          />
        )}
        {indicatorsOpen && (
          <IndicatorsDialog
            db={db}
            dataBaseUrl={platform.dataBaseUrl}
            facilities={catalogue.facilities}
            facilitySets={catalogue.facilitySets}
            onClose={() => setIndicatorsOpen(false)}
          />
        )}
        {dataCheckOpen && (
          <DataCheckDialog
            dataBaseUrl={platform.dataBaseUrl}
            projects={catalogue.projects}
            onClose={() => setDataCheckOpen(false)}
          />
        )}
        <AboutDialog
          open={aboutOpen}
          onClose={() => setAboutOpen(false)}
          platform={platform}
          manifest={load.status === 'ready' ? load.data.manifest : null}
          sources={load.status === 'ready' ? load.data.attribution : []}
        />
      </div>
    </I18nProvider>
  );
}
