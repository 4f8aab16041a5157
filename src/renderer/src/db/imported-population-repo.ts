/** The user's imported population grid, kept in the `settings` table so it survives restarts. */
import type { OutuDb } from './outu-db';

export interface ImportedPopulation {
  name: string;
  /** sha256 of the encoded grid: part of every run's cache key. */
  key: string;
  /** The grid, encoded (core/population/grid-codec). */
  bytes: Uint8Array;
  people: number;
  cells: number;
  rejectedPoints: number;
  rejectedPeople: number;
}

const SETTING = 'importedPopulation';

export async function loadImportedPopulation(db: OutuDb): Promise<ImportedPopulation | null> {
  const row = await db.settings.get(SETTING);
  return (row?.value as ImportedPopulation | undefined) ?? null;
}

/** null forgets it: runs go back to the modelled grid. */
export async function saveImportedPopulation(db: OutuDb, value: ImportedPopulation | null): Promise<void> {
  if (value) await db.settings.put({ key: SETTING, value });
  else await db.settings.delete(SETTING);
}
