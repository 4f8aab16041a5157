import type { FeatureCollection } from 'geojson';
import type { Facility, FacilitySet } from '../../../shared/facilities';
import type { ProjectProps } from '../../../shared/projects';
import type { OutuDb, ProjectRow } from './outu-db';

import { COUNTY_CENTRES_SET_ID, countyCentreFacilities } from '../../../core/facilities/county-centres';

export { COUNTY_CENTRES_SET_ID, countyCentreFacilities };

export function projectRowsFromGeoJson(collection: FeatureCollection): ProjectRow[] {
  return collection.features.map((feature) => {
    const props = feature.properties as ProjectProps;
    const point = feature.geometry?.type === 'Point' ? feature.geometry.coordinates : null;
    return { ...props, lon: point?.[0] ?? null, lat: point?.[1] ?? null };
  });
}

/**
 * Seeds the projects table from the shipped data, once per data version. The whole table is
 * replaced in one transaction: it holds only shipped data, never user work.
 */
export async function seedProjects(db: OutuDb, collection: FeatureCollection, version: string): Promise<boolean> {
  const stored = await db.settings.get('projectsVersion');
  if (stored?.value === version) return false;
  const rows = projectRowsFromGeoJson(collection);
  await db.transaction('rw', db.projects, db.settings, async () => {
    await db.projects.clear();
    await db.projects.bulkPut(rows);
    await db.settings.put({ key: 'projectsVersion', value: version });
  });
  return true;
}

/** The set record of the 12 county public service centres, stored or in memory alike. */
export function countyCentresSet(count: number, version: string): FacilitySet {
  return {
    id: COUNTY_CENTRES_SET_ID,
    name: COUNTY_CENTRES_SET_ID,
    kind: 'county-centres',
    isSample: false,
    sourceFile: 'facilities-county-centres.geojson',
    sourceHash: version,
    sourceCrs: 'wgs84',
    createdAt: new Date(0).toISOString(),
    count,
  };
}

/** The 12 county public service centres: real points (county seats), replaced per data version. */
export async function seedCountyCentres(db: OutuDb, collection: FeatureCollection, version: string): Promise<boolean> {
  const existing = await db.facilitySets.get(COUNTY_CENTRES_SET_ID);
  if (existing && existing.sourceHash === version) return false;
  const facilities = countyCentreFacilities(collection);
  await replaceFacilitySet(db, countyCentresSet(facilities.length, version), facilities);
  return true;
}

/**
 * The one write path for a facility set: its rows are replaced in a single transaction, so an
 * import either lands completely or not at all, and importing the same file twice never duplicates.
 */
export async function replaceFacilitySet(db: OutuDb, set: FacilitySet, facilities: readonly Facility[]): Promise<void> {
  await db.transaction('rw', db.facilitySets, db.facilities, async () => {
    await db.facilities.where('setId').equals(set.id).delete();
    await db.facilities.bulkPut([...facilities]);
    await db.facilitySets.put({ ...set, count: facilities.length });
  });
}

export async function deleteFacilitySet(db: OutuDb, setId: string): Promise<void> {
  await db.transaction('rw', db.facilitySets, db.facilities, async () => {
    await db.facilities.where('setId').equals(setId).delete();
    await db.facilitySets.delete(setId);
  });
}

export interface CatalogueSnapshot {
  projects: ProjectRow[];
  facilitySets: FacilitySet[];
  facilities: Facility[];
}

export async function loadCatalogue(db: OutuDb): Promise<CatalogueSnapshot> {
  const [projects, facilitySets, facilities] = await Promise.all([
    db.projects.orderBy('seq').toArray(),
    db.facilitySets.toArray(),
    db.facilities.toArray(),
  ]);
  return { projects, facilitySets, facilities };
}
