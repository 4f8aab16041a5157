/**
 * GeoJSON-like features (from a GeoJSON file or converted from KML) → ImportTable: properties
 * become columns, the point goes into two appended coordinate columns.
 *
 * Facilities are points, so a line or polygon is a row error with its reason rather than being
 * silently replaced by its centroid: a centroid can fall outside an L-shaped campus or in a river,
 * and the user should decide how a site becomes a point.
 */
import type { GeometryIssue, ImportTable, RowLabel } from './import-table';

export interface FeatureLike {
  properties?: Record<string, unknown> | null;
  geometry?: { type?: unknown; coordinates?: unknown } | null;
}

function propertyText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function ordinateText(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}

interface PointCells {
  lon: string;
  lat: string;
  issue: GeometryIssue | null;
}

function pointCells(geometry: FeatureLike['geometry']): PointCells {
  if (!geometry || typeof geometry.type !== 'string') return { lon: '', lat: '', issue: 'no-geometry' };
  const coordinates = geometry.coordinates;
  let position: unknown = null;
  if (geometry.type === 'Point') position = coordinates;
  else if (geometry.type === 'MultiPoint' && Array.isArray(coordinates)) {
    // A MultiPoint of one position is common in shapefile conversions and is just a point.
    if (coordinates.length !== 1)
      return { lon: '', lat: '', issue: coordinates.length ? 'multi-point' : 'no-geometry' };
    position = coordinates[0];
  } else return { lon: '', lat: '', issue: 'not-a-point' };
  if (!Array.isArray(position)) return { lon: '', lat: '', issue: 'no-geometry' };
  return { lon: ordinateText(position[0]), lat: ordinateText(position[1]), issue: null };
}

function freeName(preferred: string, fallback: string, taken: ReadonlySet<string>): string {
  if (!taken.has(preferred)) return preferred;
  let name = fallback;
  for (let n = 2; taken.has(name); n++) name = `${fallback}(${n})`;
  return name;
}

export function featuresToTable(
  features: readonly FeatureLike[],
  rowLabel: RowLabel,
  keepProperty: (key: string) => boolean = () => true,
): ImportTable {
  const propertyColumns: string[] = [];
  const known = new Set<string>();
  for (const feature of features) {
    for (const key of Object.keys(feature.properties ?? {})) {
      if (known.has(key) || !keepProperty(key)) continue;
      known.add(key);
      propertyColumns.push(key);
    }
  }
  const lonColumn = freeName('lon', 'geometry_lon', known);
  const latColumn = freeName('lat', 'geometry_lat', new Set([...known, lonColumn]));

  const rows: string[][] = [];
  const issues: (GeometryIssue | null)[] = [];
  for (const feature of features) {
    const properties = feature.properties ?? {};
    const point = pointCells(feature.geometry);
    rows.push([...propertyColumns.map((key) => propertyText(properties[key])), point.lon, point.lat]);
    issues.push(point.issue);
  }
  return {
    columns: [...propertyColumns, lonColumn, latColumn],
    rows,
    sourceRowNumbers: features.map((_, i) => i + 1),
    rowLabel,
    geometry: { lonColumn, latColumn, issues },
  };
}
