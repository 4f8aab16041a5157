import type { Transaction } from 'dexie';

/**
 * One released schema version. Files in this folder are append-only: once a version has shipped
 * it is never edited, a change of schema is a new file with the next version number.
 */
export interface Migration {
  readonly version: number;
  /** Dexie store definitions that change in this version (null deletes a table). */
  readonly stores: Record<string, string | null>;
  /** Moves data written by the previous version into this version's shape. */
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}
