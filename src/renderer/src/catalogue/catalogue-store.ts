import type { FeatureCollection } from 'geojson';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { applyPositionCorrections, type PositionCorrection } from '../../../core/projects/apply-positions';
import { DATA_FILES, type DataManifest } from '../../../shared/data-contract';
import type { Facility, FacilitySet } from '../../../shared/facilities';
import type { FieldRecordOf } from '../../../shared/field';
import {
  countyCentreFacilities,
  countyCentresSet,
  deleteFacilitySet,
  loadCatalogue,
  projectRowsFromGeoJson,
  replaceFacilitySet,
  seedCountyCentres,
  seedProjects,
  type CatalogueSnapshot,
} from '../db/catalogue-store';
import type { OutuDb, ProjectRow } from '../db/outu-db';
import { loadSampleSets } from './load-samples';

export type CatalogueStatus = { status: 'loading' } | { status: 'ready' } | { status: 'error'; reason: string };

/** A project where the UI shows it: the shipped row, moved by a field correction if there is one. */
export type CatalogueProject = ProjectRow & { correction?: PositionCorrection };

export interface CatalogueState {
  status: CatalogueStatus;
  /** Projects as shipped (never modified: corrections are applied on top, into `projects`). */
  shippedProjects: ProjectRow[];
  positions: readonly FieldRecordOf<'position'>[];
  projects: CatalogueProject[];
  facilitySets: FacilitySet[];
  facilities: Facility[];
  sampleSetIds: ReadonlySet<string>;
  samplesLoading: boolean;
  /** Seeds IndexedDB from data/geo (when it is there) and loads the catalogue; in memory otherwise. */
  load: (manifest: DataManifest) => Promise<void>;
  saveSet: (set: FacilitySet, facilities: Facility[]) => Promise<void>;
  removeSet: (setId: string) => Promise<void>;
  /** Imports the sample sets (示例数据); rejects with the reason when one cannot be read. */
  loadSamples: () => Promise<void>;
  /** The field store's position corrections: moves the corrected projects. */
  setPositionCorrections: (positions: readonly FieldRecordOf<'position'>[]) => void;
}

export interface CatalogueStoreDeps {
  /** null when IndexedDB is unavailable: the catalogue then lives in memory for the session. */
  db: OutuDb | null;
  dataBaseUrl: string;
  /** Injected by tests; fetches JSON over HTTP otherwise. */
  fetchJson?: <T>(url: string) => Promise<T>;
  loadSampleSets?: typeof loadSampleSets;
}

async function fetchJsonOverHttp<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

const fileVersion = (manifest: DataManifest, file: string) => manifest.files[file]?.sha256 ?? manifest.dataVersion;
const sampleIdsOf = (sets: readonly FacilitySet[]) => new Set(sets.filter((s) => s.isSample).map((s) => s.id));
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Projects and facilities as the UI sees them: stored in IndexedDB when available (seeded from data/geo, imports kept). */
export function createCatalogueStore({
  db,
  dataBaseUrl,
  fetchJson = fetchJsonOverHttp,
  loadSampleSets: loadSamples = loadSampleSets,
}: CatalogueStoreDeps): StoreApi<CatalogueState> {
  let loads = 0;

  return createStore<CatalogueState>()((set, get) => {
    /** Every change of the stored rows goes through here, so the derived lists never go stale. */
    const show = (snapshot: CatalogueSnapshot) =>
      set({
        shippedProjects: snapshot.projects,
        projects: applyPositionCorrections(snapshot.projects, get().positions),
        facilitySets: snapshot.facilitySets,
        facilities: snapshot.facilities,
        sampleSetIds: sampleIdsOf(snapshot.facilitySets),
      });
    const current = (): CatalogueSnapshot => ({
      projects: get().shippedProjects,
      facilitySets: get().facilitySets,
      facilities: get().facilities,
    });

    return {
      status: { status: 'loading' },
      shippedProjects: [],
      positions: [],
      projects: [],
      facilitySets: [],
      facilities: [],
      sampleSetIds: new Set(),
      samplesLoading: false,

      load: async (manifest) => {
        const load = ++loads;
        try {
          const [projects, centres] = await Promise.all([
            fetchJson<FeatureCollection>(dataBaseUrl + DATA_FILES.projects),
            fetchJson<FeatureCollection>(dataBaseUrl + DATA_FILES.countyCentres),
          ]);
          let snapshot: CatalogueSnapshot;
          if (db) {
            await seedProjects(db, projects, fileVersion(manifest, DATA_FILES.projects));
            await seedCountyCentres(db, centres, fileVersion(manifest, DATA_FILES.countyCentres));
            snapshot = await loadCatalogue(db);
          } else {
            const facilities = countyCentreFacilities(centres);
            const centresSet = countyCentresSet(facilities.length, fileVersion(manifest, DATA_FILES.countyCentres));
            snapshot = { projects: projectRowsFromGeoJson(projects), facilitySets: [centresSet], facilities };
          }
          if (load !== loads) return;
          show(snapshot);
          set({ status: { status: 'ready' } });
        } catch (error) {
          if (load === loads) set({ status: { status: 'error', reason: reasonOf(error) } });
        }
      },

      saveSet: async (facilitySet, facilities) => {
        if (db) {
          await replaceFacilitySet(db, facilitySet, facilities);
          return show(await loadCatalogue(db));
        }
        const prev = current();
        show({
          ...prev,
          facilitySets: [
            ...prev.facilitySets.filter((s) => s.id !== facilitySet.id),
            { ...facilitySet, count: facilities.length },
          ],
          facilities: [...prev.facilities.filter((f) => f.setId !== facilitySet.id), ...facilities],
        });
      },

      removeSet: async (setId) => {
        if (db) {
          await deleteFacilitySet(db, setId);
          return show(await loadCatalogue(db));
        }
        const prev = current();
        show({
          ...prev,
          facilitySets: prev.facilitySets.filter((s) => s.id !== setId),
          facilities: prev.facilities.filter((f) => f.setId !== setId),
        });
      },

      loadSamples: async () => {
        set({ samplesLoading: true });
        try {
          for (const { set: sampleSet, facilities } of await loadSamples(dataBaseUrl))
            await get().saveSet(sampleSet, facilities);
        } finally {
          set({ samplesLoading: false });
        }
      },

      setPositionCorrections: (positions) =>
        set({ positions, projects: applyPositionCorrections(get().shippedProjects, positions) }),
    };
  });
}
