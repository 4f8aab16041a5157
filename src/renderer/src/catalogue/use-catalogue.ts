import type { FeatureCollection } from 'geojson';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DATA_FILES, type DataManifest } from '../../../shared/data-contract';
import type { Facility, FacilitySet } from '../../../shared/facilities';
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
import type { OutuDb } from '../db/outu-db';

export type CatalogueStatus = { status: 'loading' } | { status: 'ready' } | { status: 'error'; reason: string };

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

const fileVersion = (manifest: DataManifest, file: string) => manifest.files[file]?.sha256 ?? manifest.dataVersion;

/**
 * Projects and facilities as the UI sees them. Stored in IndexedDB when available (seeded from
 * data/geo, imports kept), in memory otherwise.
 */
export function useCatalogue(db: OutuDb | null, dataBaseUrl: string, manifest: DataManifest | null) {
  const [snapshot, setSnapshot] = useState<CatalogueSnapshot>({ projects: [], facilitySets: [], facilities: [] });
  const [status, setStatus] = useState<CatalogueStatus>({ status: 'loading' });

  useEffect(() => {
    if (!manifest) return;
    let cancelled = false;
    (async () => {
      const [projects, centres] = await Promise.all([
        fetchJson<FeatureCollection>(dataBaseUrl + DATA_FILES.projects),
        fetchJson<FeatureCollection>(dataBaseUrl + DATA_FILES.countyCentres),
      ]);
      if (db) {
        await seedProjects(db, projects, fileVersion(manifest, DATA_FILES.projects));
        await seedCountyCentres(db, centres, fileVersion(manifest, DATA_FILES.countyCentres));
        return loadCatalogue(db);
      }
      const facilities = countyCentreFacilities(centres);
      const set = countyCentresSet(facilities.length, fileVersion(manifest, DATA_FILES.countyCentres));
      return { projects: projectRowsFromGeoJson(projects), facilitySets: [set], facilities };
    })().then(
      (next) => {
        if (cancelled) return;
        setSnapshot(next);
        setStatus({ status: 'ready' });
      },
      (error: unknown) => {
        if (!cancelled) setStatus({ status: 'error', reason: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, dataBaseUrl, manifest]);

  const saveSet = useCallback(
    async (set: FacilitySet, facilities: Facility[]) => {
      if (db) {
        await replaceFacilitySet(db, set, facilities);
        setSnapshot(await loadCatalogue(db));
        return;
      }
      setSnapshot((prev) => ({
        ...prev,
        facilitySets: [...prev.facilitySets.filter((s) => s.id !== set.id), { ...set, count: facilities.length }],
        facilities: [...prev.facilities.filter((f) => f.setId !== set.id), ...facilities],
      }));
    },
    [db],
  );

  const removeSet = useCallback(
    async (setId: string) => {
      if (db) {
        await deleteFacilitySet(db, setId);
        setSnapshot(await loadCatalogue(db));
        return;
      }
      setSnapshot((prev) => ({
        ...prev,
        facilitySets: prev.facilitySets.filter((s) => s.id !== setId),
        facilities: prev.facilities.filter((f) => f.setId !== setId),
      }));
    },
    [db],
  );

  const sampleSetIds = useMemo(
    () => new Set(snapshot.facilitySets.filter((s) => s.isSample).map((s) => s.id)),
    [snapshot.facilitySets],
  );

  return { ...snapshot, status, sampleSetIds, saveSet, removeSet };
}

export type Catalogue = ReturnType<typeof useCatalogue>;
