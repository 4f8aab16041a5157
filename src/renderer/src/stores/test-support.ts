import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Facility, FacilitySet } from '../../../shared/facilities';
import type { OpenedFile } from '../../../shared/ipc';
import { PROJECT_CATEGORIES, type ProjectCategory } from '../../../shared/projects';
import { OutuDb, type ProjectRow } from '../db/outu-db';
import type { MapController } from '../map/map-controller';
import type { Platform } from '../platform/platform';

/** A fresh, empty database in memory (fake-indexeddb), opened. */
export async function openTestDb(name: string): Promise<OutuDb> {
  const db = new OutuDb(name, undefined, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.open();
  return db;
}

/** A platform whose open dialog returns the next file queued by the test (null = the user cancelled). */
export function fakePlatform(files: (OpenedFile | null)[] = []): Platform {
  return {
    kind: 'browser',
    dataBaseUrl: 'http://data/',
    appInfo: async () => ({ name: 'outu', version: '9.9.9', electron: '', chrome: '', platform: 'test' }),
    openFile: async () => files.shift() ?? null,
    saveFile: async () => ({ saved: false }),
    onMenuCommand: () => () => undefined,
  };
}

/** What a store asked the map to do, in order. */
export type CameraCall =
  ['flyTo', [number, number]] | ['setRightInset', number] | ['fitBounds', [number, number, number, number]];

/**
 * Stands in for the map controller where stores move the camera: records the calls, and reports
 * `centre` as the view's centre. Only the camera methods exist; anything else would throw.
 */
export function fakeMapController(centre: [number, number] = [120.7, 28.0]) {
  const calls: CameraCall[] = [];
  const camera = {
    flyTo: (at: [number, number]) => void calls.push(['flyTo', at]),
    setRightInset: (pixels: number) => void calls.push(['setRightInset', pixels]),
    fitBounds: (bbox: [number, number, number, number]) => void calls.push(['fitBounds', bbox]),
    centre: () => centre,
  };
  // The stores hold the whole controller; these tests exercise only its camera methods.
  return { controller: camera as unknown as MapController, calls };
}

/** A project row as shipped (health by default): at a county point, or citywide (no point) when `at` is null. */
const HEALTH = PROJECT_CATEGORIES[2];

export const projectRow = (
  seq: number,
  name: string,
  at: [number, number] | null,
  category: ProjectCategory = HEALTH,
): ProjectRow => ({
  seq,
  name,
  category,
  kind: '',
  period: '2021-2025',
  location: '',
  content: '',
  investmentTotal: 1,
  investmentPlan: 1,
  agency: '',
  geocodePrecision: at ? 'county' : 'citywide',
  countyAdcode: at ? 330302 : null,
  geocodeNote: '',
  lon: at?.[0] ?? null,
  lat: at?.[1] ?? null,
});

export const facilitySetRow = (id: string, isSample = false): FacilitySet => ({
  id,
  name: `${id}.csv`,
  kind: isSample ? 'sample' : 'import',
  isSample,
  sourceCrs: 'wgs84',
  createdAt: '2026-01-01T00:00:00.000Z',
  count: 1,
});

export const facilityRow = (setId: string, key: string, category: Facility['category'] = 'health'): Facility => ({
  id: `${setId}:${key}`,
  setId,
  name: key,
  category,
  status: 'existing',
  lon: 120.6,
  lat: 28,
  countyAdcode: 330302,
  capacity: {},
  extra: {},
});
