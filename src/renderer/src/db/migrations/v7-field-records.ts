import type { Migration } from './types';

/**
 * v7 (0.5.0): field work.
 * - fieldRecords: annotations, photo metadata, project progress and corrected project positions,
 *   one table keyed by [kind+id] so one write path and one merge rule serve every kind.
 * - blobs: photo and thumbnail bytes, content addressed by SHA-256 (never rewritten, so undoing a
 *   photo deletion only has to restore its record).
 * - changes: the change log every write appends to; undo and "my changes since …" read it.
 */
export const v7FieldRecords: Migration = {
  version: 7,
  stores: {
    fieldRecords: '&[kind+id], kind, updatedAt, body.annotationId, body.projectSeq',
    blobs: '&sha256',
    changes: '++seq, txId, at',
  },
};
