import { createStore, type StoreApi } from 'zustand/vanilla';
import { facilityCategoryOfProject } from '../../../core/projects/facility-category';
import type { AnnotationBody, FieldRecordOf, PositionBody, ProgressBody } from '../../../shared/field';
import { positionRecordId } from '../../../shared/field';
import type { DetailItem } from '../catalogue/detail-panel';
import { commitEdits, fieldRecordsOf, undoTransaction, type FieldEdit, type WriteContext } from '../db/field-store';
import type { OutuDb, ProjectRow } from '../db/outu-db';
import { loadFieldAuthor, saveFieldAuthor } from '../db/settings-store';
import { translate, type Language, type Translate } from '../i18n/translate';
import { ingestPhoto } from './photo-ingest';
import { UndoStack, type UndoEntry } from './undo-stack';

export interface FieldSnapshot {
  annotations: FieldRecordOf<'annotation'>[];
  photos: FieldRecordOf<'photo'>[];
  progress: FieldRecordOf<'progress'>[];
  positions: FieldRecordOf<'position'>[];
}

/** What a new annotation must say; everything else has a default (see createAnnotation). */
export type NewAnnotation = Pick<AnnotationBody, 'lon' | 'lat'> & Partial<AnnotationBody>;

/** The part of the map a field action needs: where the view is, and flying somewhere. */
export interface FieldMapAccess {
  centre(): [number, number];
  flyTo(center: [number, number]): void;
}

export interface FieldState {
  /** False when IndexedDB is unavailable: field work needs it. */
  available: boolean;
  snapshot: FieldSnapshot;
  /** Photos per annotation id, for the list and the map. */
  photoCounts: ReadonlyMap<string, number>;
  author: string;
  nextUndo: UndoEntry | undefined;
  nextRedo: UndoEntry | undefined;
  /** A device position is being requested. */
  locating: boolean;
  /** Reads the records and the author from IndexedDB. */
  load: () => Promise<void>;
  reload: () => Promise<void>;
  setAuthor: (name: string) => Promise<void>;
  undo: () => Promise<void>;
  redo: () => Promise<void>;
  /** Puts a write made outside the store's actions (e.g. a conflict choice) on the undo stack. */
  remember: (txId: string, label: string) => void;
  addAnnotation: (body: AnnotationBody, label: string) => Promise<string>;
  updateAnnotation: (id: string, body: AnnotationBody, label: string) => Promise<void>;
  /** Moves an annotation to where its marker was dropped: the position now comes from the map. */
  moveAnnotation: (id: string, lon: number, lat: number) => Promise<void>;
  deleteAnnotation: (id: string, label: string) => Promise<void>;
  /** Adds photos; returns the errors of files that were not images (the others are kept). */
  addPhotos: (
    annotationId: string,
    files: readonly File[],
    label: string,
  ) => Promise<{ name: string; error: unknown }[]>;
  deletePhoto: (photo: FieldRecordOf<'photo'>, label: string) => Promise<void>;
  addProgress: (body: ProgressBody, label: string) => Promise<void>;
  deleteProgress: (entry: FieldRecordOf<'progress'>, label: string) => Promise<void>;
  /** Moves a project to where it was seen; the first correction keeps the shipped position. */
  correctPosition: (
    project: ProjectRow & { correction?: { original: PositionBody['original'] } },
    lon: number,
    lat: number,
    label: string,
  ) => Promise<void>;
  resetPosition: (projectSeq: number, label: string) => Promise<void>;
  /**
   * A new annotation with the defaults (numbered title, not started, placed on the map) under what
   * is given; selected once saved. A failed save goes to the error banner.
   */
  createAnnotation: (body: NewAnnotation) => Promise<void>;
  /** Starts an annotation attached to the project or facility in the detail panel. */
  annotateDetail: (detail: DetailItem) => Promise<void>;
  /** Adds an annotation where the device is (GPS), flying there. */
  locateDevice: () => void;
}

export interface FieldStoreDeps {
  db: OutuDb | null;
  /** The UI language now: new annotations are titled and their undo entries labelled in it. */
  language: () => Language;
  /** The live map, or null before it is mounted. */
  map: () => FieldMapAccess | null;
  /** A new annotation was saved: the UI selects it. */
  onAnnotationCreated: (id: string) => void;
  /** Shows an error in the banner. */
  showError: (message: string) => void;
  /** null where the platform has no geolocation. */
  geolocation: Geolocation | null;
  /** Injected by tests for reproducible ids. */
  newRecordId?: () => string;
}

const EMPTY: FieldSnapshot = { annotations: [], photos: [], progress: [], positions: [] };
/** Where an annotation on a project without a point starts when the map is not there yet (Wenzhou). */
const FALLBACK_CENTRE: [number, number] = [120.65, 28];

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

function photoCountsOf(photos: readonly FieldRecordOf<'photo'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of photos) counts.set(p.body.annotationId, (counts.get(p.body.annotationId) ?? 0) + 1);
  return counts;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Field records as the UI sees them, and every action on them. Each action is one call of the
 * write path in db/field-store.ts (one transaction, logged) and one entry on the undo stack.
 */
export function createFieldStore(deps: FieldStoreDeps): StoreApi<FieldState> {
  const { db } = deps;
  const newRecordId = deps.newRecordId ?? (() => crypto.randomUUID());
  const undoStack = new UndoStack();
  const t: Translate = (key, params) => translate(deps.language(), key, params);

  return createStore<FieldState>()((set, get) => {
    const undoState = () => ({ nextUndo: undoStack.peekUndo(), nextRedo: undoStack.peekRedo() });
    const show = (snapshot: FieldSnapshot) => set({ snapshot, photoCounts: photoCountsOf(snapshot.photos) });

    const reload = async () => {
      if (!db) return;
      show(await loadSnapshot(db));
      set(undoState());
    };

    /** The one way the store writes: commit, remember for undo, refresh. */
    const write = async (edits: FieldEdit[], label: string, extra: Partial<WriteContext> = {}) => {
      if (!db) throw new Error('IndexedDB unavailable');
      const result = await commitEdits(db, edits, { author: get().author, label, origin: 'edit', ...extra });
      if (result.changed > 0) undoStack.push({ txId: result.txId, label });
      await reload();
      return result;
    };

    return {
      available: db !== null,
      snapshot: EMPTY,
      photoCounts: new Map(),
      author: '',
      nextUndo: undefined,
      nextRedo: undefined,
      locating: false,

      load: async () => {
        if (!db) return;
        const [snapshot, author] = await Promise.all([loadSnapshot(db), loadFieldAuthor(db)]);
        show(snapshot);
        set({ author });
      },
      reload,
      setAuthor: async (name) => {
        set({ author: name });
        if (db) await saveFieldAuthor(db, name);
      },
      undo: async () => {
        const entry = undoStack.peekUndo();
        if (!db || !entry) return;
        const result = await undoTransaction(db, entry.txId, { author: get().author, label: entry.label });
        undoStack.didUndo(result.txId);
        await reload();
      },
      redo: async () => {
        const entry = undoStack.peekRedo();
        if (!db || !entry) return;
        // Undoing the undo restores what the action wrote.
        const result = await undoTransaction(db, entry.txId, { author: get().author, label: entry.label });
        undoStack.didRedo(result.txId);
        await reload();
      },
      remember: (txId, label) => {
        undoStack.push({ txId, label });
        set(undoState());
      },

      addAnnotation: async (body, label) => {
        const id = newRecordId();
        await write([{ kind: 'annotation', id, body }], label);
        return id;
      },
      updateAnnotation: async (id, body, label) => {
        await write([{ kind: 'annotation', id, body }], label);
      },
      moveAnnotation: async (id, lon, lat) => {
        const annotation = get().snapshot.annotations.find((a) => a.id === id);
        if (!annotation) return;
        const body = { ...annotation.body, lon, lat, accuracyM: null, positionSource: 'map' as const };
        await get().updateAnnotation(id, body, t('change.moveAnnotation'));
      },
      deleteAnnotation: async (id, label) => {
        const { annotations, photos } = get().snapshot;
        const annotation = annotations.find((a) => a.id === id);
        if (!annotation) return;
        await write(
          [
            { kind: 'annotation', id, body: annotation.body, deleted: true },
            ...photos
              .filter((p) => p.body.annotationId === id)
              .map((p) => ({ kind: 'photo' as const, id: p.id, body: p.body, deleted: true })),
          ],
          label,
        );
      },
      addPhotos: async (annotationId, files, label) => {
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
      deletePhoto: async (photo, label) => {
        await write([{ kind: 'photo', id: photo.id, body: photo.body, deleted: true }], label);
      },
      addProgress: async (body, label) => {
        await write([{ kind: 'progress', id: newRecordId(), body }], label);
      },
      deleteProgress: async (entry, label) => {
        await write([{ kind: 'progress', id: entry.id, body: entry.body, deleted: true }], label);
      },
      correctPosition: async (project, lon, lat, label) => {
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
      resetPosition: async (projectSeq, label) => {
        const current = get().snapshot.positions.find((p) => p.body.projectSeq === projectSeq);
        if (current) await write([{ kind: 'position', id: current.id, body: current.body, deleted: true }], label);
      },

      createAnnotation: async (body) => {
        try {
          const id = await get().addAnnotation(
            {
              title: t('field.newTitle', { n: get().snapshot.annotations.length + 1 }),
              note: '',
              status: 'not-started',
              category: 'other',
              accuracyM: null,
              positionSource: 'map',
              attachedTo: null,
              ...body,
            },
            t('change.addAnnotation'),
          );
          deps.onAnnotationCreated(id);
        } catch (error) {
          deps.showError(t('field.saveFailed', { reason: reasonOf(error) }));
        }
      },
      annotateDetail: async (detail) => {
        if (detail.kind === 'facility') {
          const f = detail.facility;
          return get().createAnnotation({
            title: f.name,
            lon: f.lon,
            lat: f.lat,
            category: f.category,
            positionSource: 'attached',
            attachedTo: { kind: 'facility', id: f.id },
          });
        }
        const p = detail.project;
        // A project without a point starts where the user is looking.
        const [lon, lat] =
          p.lon !== null && p.lat !== null ? [p.lon, p.lat] : (deps.map()?.centre() ?? FALLBACK_CENTRE);
        return get().createAnnotation({
          title: p.name,
          lon,
          lat,
          category: facilityCategoryOfProject(p.category),
          positionSource: p.lon === null ? 'map' : 'attached',
          attachedTo: { kind: 'project', seq: p.seq },
        });
      },
      locateDevice: () => {
        const geolocation = deps.geolocation;
        if (!geolocation) return deps.showError(t('field.noGeolocation'));
        set({ locating: true });
        geolocation.getCurrentPosition(
          (position) => {
            set({ locating: false });
            const { longitude: lon, latitude: lat, accuracy } = position.coords;
            deps.map()?.flyTo([lon, lat]);
            void get().createAnnotation({ lon, lat, accuracyM: accuracy, positionSource: 'device' });
          },
          (error) => {
            set({ locating: false });
            deps.showError(t('field.locateFailed', { reason: error.message || String(error.code) }));
          },
          { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
        );
      },
    };
  });
}
