import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { loadImportedPopulation, saveImportedPopulation, type ImportedPopulation } from './imported-population-repo';
import { OutuDb } from './outu-db';

describe('imported population setting', () => {
  it('is kept across opening the database again, and forgotten with null', async () => {
    const options = { indexedDB: new IDBFactory(), IDBKeyRange };
    const population: ImportedPopulation = {
      name: 'people.csv',
      key: 'abc',
      bytes: Uint8Array.from([1, 2, 3]),
      people: 1200,
      cells: 3,
      rejectedPoints: 1,
      rejectedPeople: 40,
    };
    const db = new OutuDb('population-test', undefined, options);
    expect(await loadImportedPopulation(db)).toBeNull();
    await saveImportedPopulation(db, population);
    db.close();

    const again = new OutuDb('population-test', undefined, options);
    const loaded = await loadImportedPopulation(again);
    expect(loaded).toMatchObject({ name: 'people.csv', key: 'abc', people: 1200 });
    expect(Array.from(loaded!.bytes)).toEqual([1, 2, 3]);
    expect(await again.settings.get('language')).toBeUndefined();
    await saveImportedPopulation(again, null);
    expect(await loadImportedPopulation(again)).toBeNull();
    again.close();
  });
});
