import type { Migration } from './types';

/**
 * v3 (0.2.0): the plan's projects and service facilities.
 * - projects: seeded from data/geo/projects.geojson, replaced whole when the data version changes;
 *   user work on projects lives in other tables so a data update never overwrites it.
 * - facilitySets / facilities: imported lists, the generated samples and the county centres.
 *   Facility ids are derived from the source file, so importing the same file again replaces rows.
 */
export const v3Catalogue: Migration = {
  version: 3,
  stores: {
    projects: '&seq, category, countyAdcode',
    facilitySets: '&id, kind',
    facilities: '&id, setId, category, countyAdcode',
  },
};
