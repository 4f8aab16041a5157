import type { FeatureCollection } from 'geojson';
import { readGeoJson } from '../../../core/geojson-read';
import type { Translate } from '../i18n/translate';
import type { Platform } from '../platform/platform';

export type OpenedOverlay = { name: string; collection: FeatureCollection; bbox: [number, number, number, number] };
export type OpenGeoJsonOutcome =
  { kind: 'cancelled' } | { kind: 'opened'; overlay: OpenedOverlay } | { kind: 'error'; message: string };

/** Generous box around Wenzhou: a file outside it is shown, with a hint that its CRS may be wrong. */
const NEAR_WENZHOU: [number, number, number, number] = [118.5, 26.0, 122.5, 29.5];

export function isNearWenzhou([west, south, east, north]: [number, number, number, number]): boolean {
  const [w, s, e, n] = NEAR_WENZHOU;
  return east >= w && west <= e && north >= s && south <= n;
}

export async function openGeoJson(platform: Platform, t: Translate): Promise<OpenGeoJsonOutcome> {
  const file = await platform.openFile({
    title: t('toolbar.openFile'),
    filters: [{ name: 'GeoJSON', extensions: ['geojson', 'json'] }],
  });
  if (!file) return { kind: 'cancelled' };
  const name = file.name;
  if (!/\.(geo)?json$/i.test(name)) return { kind: 'error', message: t('overlay.error.unsupported', { name }) };
  const result = readGeoJson(new TextDecoder('utf-8').decode(file.bytes));
  if (result.ok) return { kind: 'opened', overlay: { name, collection: result.collection, bbox: result.bbox } };
  const error = result.error;
  switch (error.code) {
    case 'not-json':
    case 'not-geojson':
      return { kind: 'error', message: t(`overlay.error.${error.code}`, { name, detail: error.detail }) };
    case 'no-features':
      return { kind: 'error', message: t('overlay.error.no-features', { name }) };
    case 'bad-coordinates':
      return { kind: 'error', message: t('overlay.error.bad-coordinates', { name, index: error.featureIndex + 1 }) };
    case 'projected-crs':
      return { kind: 'error', message: t('overlay.error.projected-crs', { name, crs: error.crs }) };
  }
}
