import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Facility } from '../../shared/facilities';

export const COUNTY_CENTRES_SET_ID = 'county-centres';

/**
 * The 12 county public service centres from data/geo/facilities-county-centres.geojson (the county
 * seats of the boundary data). App and CLI both read them through here, so their ids match.
 */
export function countyCentreFacilities(collection: FeatureCollection): Facility[] {
  return collection.features.map((feature) => {
    const f = feature as Feature<Point, { name: string; adcode: number }>;
    const [lon = 0, lat = 0] = f.geometry.coordinates;
    return {
      id: `${COUNTY_CENTRES_SET_ID}:${f.properties.adcode}`,
      setId: COUNTY_CENTRES_SET_ID,
      name: String(f.properties.name),
      category: 'other',
      status: 'existing',
      lon,
      lat,
      countyAdcode: Number(f.properties.adcode),
      capacity: {},
      extra: {},
    };
  });
}
