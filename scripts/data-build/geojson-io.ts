/** Reading source GeoJSON defensively and writing outputs in a stable, diff-friendly form. */
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export function readFeatureCollection(file: string): FeatureCollection {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    (parsed as { type?: unknown }).type !== 'FeatureCollection' ||
    !Array.isArray((parsed as { features?: unknown }).features)
  ) {
    throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  }
  const fc = parsed as FeatureCollection;
  fc.features.forEach((f, i) => {
    if (!f || f.type !== 'Feature' || !f.geometry) throw new Error(`${file}: feature ${i} has no geometry`);
  });
  return fc;
}

/**
 * One feature per line: still valid JSON, but a change to one county shows up as a one-line
 * diff in git instead of a rewrite of a single giant line.
 */
export function serializeFeatureCollection<G extends Geometry, P>(features: readonly Feature<G, P>[]): string {
  const lines = features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

/** Pretty JSON with a trailing newline; callers build objects in the key order they want kept. */
export function serializeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
