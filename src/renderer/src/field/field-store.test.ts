import { afterEach, describe, expect, it } from 'vitest';
import type { OutuDb } from '../db/outu-db';
import { translate, type Language } from '../i18n/translate';
import { facilityRow, facilitySetRow, openTestDb, projectRow } from '../stores/test-support';
import { createFieldStore, type FieldMapAccess, type FieldStoreDeps } from './field-store';

/** A device position fix, or a failure, as the browser would report it. */
function fakeGeolocation(outcome: { at: [number, number]; accuracy: number } | { error: string }): Geolocation {
  return {
    getCurrentPosition: (success, failure) => {
      if ('error' in outcome) return failure?.({ code: 2, message: outcome.error } as GeolocationPositionError);
      const [longitude, latitude] = outcome.at;
      success({ coords: { longitude, latitude, accuracy: outcome.accuracy } } as GeolocationPosition);
    },
  } as Geolocation;
}

describe('field store', () => {
  const opened: OutuDb[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));

  async function setup({
    language = 'zh',
    ...over
  }: Omit<Partial<FieldStoreDeps>, 'language'> & { language?: Language } = {}) {
    const db = over.db === null ? null : (over.db ?? (await openTestDb(`field-store-${opened.length}`)));
    if (db) opened.push(db);
    const created: string[] = [];
    const errors: string[] = [];
    const flights: [number, number][] = [];
    const map: FieldMapAccess = { centre: () => [120.7, 28.1], flyTo: (at) => void flights.push(at) };
    let ids = 0;
    const store = createFieldStore({
      db,
      language: () => language,
      map: () => map,
      onAnnotationCreated: (id) => created.push(id),
      showError: (message) => errors.push(message),
      geolocation: null,
      newRecordId: () => `r${++ids}`,
      ...over,
    });
    await store.getState().load();
    return { store, db, created, errors, flights };
  }

  it('creates an annotation with the defaults, numbered and labelled in the UI language, and selects it', async () => {
    const { store, created } = await setup({ language: 'en' });
    await store.getState().setAuthor('张三');
    await store.getState().createAnnotation({ lon: 120.6, lat: 28 });
    await store.getState().createAnnotation({ lon: 120.61, lat: 28.01, status: 'completed' });
    const [second, first] = store.getState().snapshot.annotations;
    expect(first?.body).toEqual({
      title: translate('en', 'field.newTitle', { n: 1 }),
      note: '',
      status: 'not-started',
      category: 'other',
      lon: 120.6,
      lat: 28,
      accuracyM: null,
      positionSource: 'map',
      attachedTo: null,
    });
    expect(second?.body).toMatchObject({ title: translate('en', 'field.newTitle', { n: 2 }), status: 'completed' });
    expect(first?.createdBy).toBe('张三');
    expect(created).toEqual([first?.id, second?.id]);
    expect(store.getState().nextUndo?.label).toBe(translate('en', 'change.addAnnotation'));
  });

  it('undoes and redoes an action through the write path', async () => {
    const { store } = await setup();
    await store.getState().createAnnotation({ lon: 120.6, lat: 28 });
    await store.getState().undo();
    expect(store.getState().snapshot.annotations).toEqual([]);
    expect([store.getState().nextUndo, store.getState().nextRedo?.label]).toEqual([undefined, '添加标注']);
    await store.getState().redo();
    expect(store.getState().snapshot.annotations).toHaveLength(1);
    expect(store.getState().nextRedo).toBeUndefined();
  });

  it('keeps the author in IndexedDB for the next session', async () => {
    const { store, db } = await setup();
    await store.getState().setAuthor('李四');
    const next = await setup({ db });
    expect([store.getState().author, next.store.getState().author]).toEqual(['李四', '李四']);
  });

  it('moves an annotation where its marker was dropped: the position is now from the map, without accuracy', async () => {
    const { store } = await setup();
    await store.getState().createAnnotation({ lon: 120.6, lat: 28, accuracyM: 12, positionSource: 'device' });
    const id = store.getState().snapshot.annotations[0]!.id;
    await store.getState().moveAnnotation(id, 120.62, 28.02);
    expect(store.getState().snapshot.annotations[0]?.body).toMatchObject({
      lon: 120.62,
      lat: 28.02,
      accuracyM: null,
      positionSource: 'map',
    });
    expect(store.getState().nextUndo?.label).toBe('移动标注');
  });

  it('adds an annotation where the device is, flying there', async () => {
    const { store, flights } = await setup({
      geolocation: fakeGeolocation({ at: [120.65, 28.03], accuracy: 8 }),
    });
    store.getState().locateDevice();
    await expectSoon(() => store.getState().snapshot.annotations.length === 1);
    expect(flights).toEqual([[120.65, 28.03]]);
    expect(store.getState().snapshot.annotations[0]?.body).toMatchObject({
      accuracyM: 8,
      positionSource: 'device',
    });
    expect(store.getState().locating).toBe(false);
  });

  it('explains in the banner when the device has no position or cannot give one', async () => {
    const none = await setup();
    none.store.getState().locateDevice();
    expect(none.errors).toEqual([translate('zh', 'field.noGeolocation')]);

    const failing = await setup({ geolocation: fakeGeolocation({ error: 'timeout' }) });
    failing.store.getState().locateDevice();
    expect(failing.errors).toEqual([translate('zh', 'field.locateFailed', { reason: 'timeout' })]);
    expect(failing.store.getState().locating).toBe(false);
  });

  it('reports a failed save in the banner instead of throwing (no IndexedDB)', async () => {
    const { store, created, errors } = await setup({ db: null });
    await store.getState().createAnnotation({ lon: 120.6, lat: 28 });
    expect(created).toEqual([]);
    expect(errors).toEqual([translate('zh', 'field.saveFailed', { reason: 'IndexedDB unavailable' })]);
    expect(store.getState().available).toBe(false);
  });

  it('annotates the item in the detail panel: attached to it, where it is, or at the centre of the view', async () => {
    const { store } = await setup();
    await store.getState().annotateDetail({ kind: 'project', project: projectRow(2, '鹿城区医院', [120.65, 28.01]) });
    await store.getState().annotateDetail({ kind: 'project', project: projectRow(1, '市体育中心', null, '体育') });
    await store.getState().annotateDetail({
      kind: 'facility',
      facility: facilityRow('clinics', '社区卫生站'),
      set: facilitySetRow('clinics'),
    });
    const bodies = [...store.getState().snapshot.annotations].reverse().map((a) => a.body);
    expect(bodies.map((b) => [b.title, b.lon, b.lat, b.positionSource, b.category])).toEqual([
      ['鹿城区医院', 120.65, 28.01, 'attached', 'health'],
      ['市体育中心', 120.7, 28.1, 'map', 'sports'],
      ['社区卫生站', 120.6, 28, 'attached', 'health'],
    ]);
    expect(bodies.map((b) => b.attachedTo)).toEqual([
      { kind: 'project', seq: 2 },
      { kind: 'project', seq: 1 },
      { kind: 'facility', id: 'clinics:社区卫生站' },
    ]);
  });

  it('corrects a project position keeping the shipped one, and resets it', async () => {
    const { store } = await setup();
    const hospital = projectRow(2, '鹿城区医院', [120.65, 28.01]);
    await store.getState().correctPosition(hospital, 120.66, 28.02, 'correct');
    const [position] = store.getState().snapshot.positions;
    expect(position?.body).toEqual({
      projectSeq: 2,
      lon: 120.66,
      lat: 28.02,
      original: { lon: 120.65, lat: 28.01, geocodePrecision: 'county' },
    });
    await store.getState().resetPosition(2, 'reset');
    expect(store.getState().snapshot.positions).toEqual([]);
  });

  it('deletes an annotation and counts photos per annotation', async () => {
    const { store } = await setup();
    await store.getState().createAnnotation({ lon: 120.6, lat: 28 });
    const id = store.getState().snapshot.annotations[0]!.id;
    await store.getState().deleteAnnotation(id, 'delete');
    expect(store.getState().snapshot.annotations).toEqual([]);
    expect(store.getState().photoCounts.size).toBe(0);
  });

  it('puts a write made elsewhere (a conflict choice) on the undo stack', async () => {
    const { store } = await setup();
    store.getState().remember('tx-1', '解决冲突');
    expect(store.getState().nextUndo).toEqual({ txId: 'tx-1', label: '解决冲突' });
  });
});

/** The device position arrives in a callback: the write it starts finishes a little later. */
async function expectSoon(done: () => boolean) {
  for (let i = 0; i < 100 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(done()).toBe(true);
}
