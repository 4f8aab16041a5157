import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AnnotationBody, FieldRecordOf, PositionBody, ProgressBody } from '../../../shared/field';
import { positionRecordId } from '../../../shared/field';
import type { ProjectRow } from '../db/outu-db';
import type { OutuDb } from '../db/outu-db';
import { commitEdits, fieldRecordsOf, undoTransaction, type FieldEdit, type WriteContext } from '../db/field-store';
import { ingestPhoto } from './photo-ingest';
import { UndoStack, type UndoEntry } from './undo-stack';

export interface FieldSnapshot {
  annotations: FieldRecordOf<'annotation'>[];
  photos: FieldRecordOf<'photo'>[];
  progress: FieldRecordOf<'progress'>[];
  positions: FieldRecordOf<'position'>[];
}

const EMPTY: FieldSnapshot = { annotations: [], photos: [], progress: [], positions: [] };
const AUTHOR_KEY = 'fieldAuthor';

async function loadSnapshot(db: OutuDb): Promise<FieldSnapshot> {
  const [annotations, photos, progress, positions] = await Promise.all([
    fieldRecordsOf(db, 'annotation'),
    fieldRecordsOf(db, 'photo'),
    fieldRecordsOf(db, 'progress'),
    fieldRecordsOf(db, 'position'),
  ]);
  annotations.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  progress.sort((a, b) => b.body.date.localeCompare(a.body.date) || b.createdAt.localeCompare(a.createdAt));
  return { annotations, photos, progress, positions };
}

const newRecordId = () => crypto.randomUUID();

/**
 * Field records as the UI sees them, and every action on them. Each action is one call of the
 * write path (one transaction, logged) and one entry on the undo stack.
 */
export function useField(db: OutuDb | null) {
  const [snapshot, setSnapshot] = useState<FieldSnapshot>(EMPTY);
  const [author, setAuthorState] = useState('');
  const undo = useRef(new UndoStack());
  const [undoState, setUndoState] = useState<{ undo?: UndoEntry; redo?: UndoEntry }>({});

  const reload = useCallback(async () => {
    if (!db) return;
    setSnapshot(await loadSnapshot(db));
    setUndoState({ undo: undo.current.peekUndo(), redo: undo.current.peekRedo() });
  }, [db]);

  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    Promise.all([loadSnapshot(db), db.settings.get(AUTHOR_KEY)]).then(([next, row]) => {
      if (cancelled) return;
      setSnapshot(next);
      setAuthorState(typeof row?.value === 'string' ? row.value : '');
    }, console.error);
    return () => {
      cancelled = true;
    };
  }, [db]);

  const setAuthor = useCallback(
    async (name: string) => {
      setAuthorState(name);
      await db?.settings.put({ key: AUTHOR_KEY, value: name });
    },
    [db],
  );

  /** The one way the UI writes: commit, remember for undo, refresh. */
  const write = useCallback(
    async (edits: FieldEdit[], label: string, extra: Partial<WriteContext> = {}) => {
      if (!db) throw new Error('IndexedDB unavailable');
      const result = await commitEdits(db, edits, { author, label, origin: 'edit', ...extra });
      if (result.changed > 0) undo.current.push({ txId: result.txId, label });
      await reload();
      return result;
    },
    [db, author, reload],
  );

  const undoLast = useCallback(async () => {
    const entry = undo.current.peekUndo();
    if (!db || !entry) return;
    const result = await undoTransaction(db, entry.txId, { author, label: entry.label });
    undo.current.didUndo(result.txId);
    await reload();
  }, [db, author, reload]);

  const redoLast = useCallback(async () => {
    const entry = undo.current.peekRedo();
    if (!db || !entry) return;
    // Undoing the undo restores what the action wrote.
    const result = await undoTransaction(db, entry.txId, { author, label: entry.label });
    undo.current.didRedo(result.txId);
    await reload();
  }, [db, author, reload]);

  const find = useCallback((id: string) => snapshot.annotations.find((a) => a.id === id), [snapshot.annotations]);

  const actions = useMemo(
    () => ({
      addAnnotation: async (body: AnnotationBody, label: string) => {
        const id = newRecordId();
        await write([{ kind: 'annotation', id, body }], label);
        return id;
      },
      updateAnnotation: async (id: string, body: AnnotationBody, label: string) => {
        await write([{ kind: 'annotation', id, body }], label);
      },
      deleteAnnotation: async (id: string, label: string) => {
        const annotation = find(id);
        if (!annotation) return;
        const photos = snapshot.photos.filter((p) => p.body.annotationId === id);
        await write(
          [
            { kind: 'annotation', id, body: annotation.body, deleted: true },
            ...photos.map((p) => ({ kind: 'photo' as const, id: p.id, body: p.body, deleted: true })),
          ],
          label,
        );
      },
      /** Adds photos; returns the errors of files that were not images (the others are kept). */
      addPhotos: async (annotationId: string, files: readonly File[], label: string) => {
        const edits: FieldEdit[] = [];
        const blobs: NonNullable<WriteContext['blobs']>[number][] = [];
        const failures: { name: string; error: unknown }[] = [];
        for (const file of files) {
          try {
            const photo = await ingestPhoto(file, annotationId);
            edits.push({ kind: 'photo', id: newRecordId(), body: photo.body });
            blobs.push(...photo.blobs);
          } catch (error) {
            failures.push({ name: file.name, error });
          }
        }
        if (edits.length) await write(edits, label, { blobs });
        return failures;
      },
      deletePhoto: async (photo: FieldRecordOf<'photo'>, label: string) => {
        await write([{ kind: 'photo', id: photo.id, body: photo.body, deleted: true }], label);
      },
      addProgress: async (body: ProgressBody, label: string) => {
        await write([{ kind: 'progress', id: newRecordId(), body }], label);
      },
      deleteProgress: async (entry: FieldRecordOf<'progress'>, label: string) => {
        await write([{ kind: 'progress', id: entry.id, body: entry.body, deleted: true }], label);
      },
      /** Moves a project to where it was seen; the first correction keeps the shipped position. */
      correctPosition: async (
        project: ProjectRow & { correction?: { original: PositionBody['original'] } },
        lon: number,
        lat: number,
        label: string,
      ) => {
        const original = project.correction?.original ?? {
          lon: project.lon,
          lat: project.lat,
          geocodePrecision: project.geocodePrecision,
        };
        await write(
          [
            {
              kind: 'position',
              id: positionRecordId(project.seq),
              body: { projectSeq: project.seq, lon, lat, original },
            },
          ],
          label,
        );
      },
      resetPosition: async (projectSeq: number, label: string) => {
        const current = snapshot.positions.find((p) => p.body.projectSeq === projectSeq);
        if (current) await write([{ kind: 'position', id: current.id, body: current.body, deleted: true }], label);
      },
    }),
    [write, find, snapshot.photos, snapshot.positions],
  );

  /** Photos per annotation id, for the list and the map. */
  const photoCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of snapshot.photos) counts.set(p.body.annotationId, (counts.get(p.body.annotationId) ?? 0) + 1);
    return counts;
  }, [snapshot.photos]);

  return {
    available: db !== null,
    photoCounts,
    snapshot,
    author,
    setAuthor,
    reload,
    undo: undoLast,
    redo: redoLast,
    nextUndo: undoState.undo,
    nextRedo: undoState.redo,
    /** Puts a write made outside `write` (e.g. a conflict choice) on the undo stack. */
    remember: (txId: string, label: string) => {
      undo.current.push({ txId, label });
      setUndoState({ undo: undo.current.peekUndo(), redo: undo.current.peekRedo() });
    },
    ...actions,
  };
}

export type FieldState = ReturnType<typeof useField>;
