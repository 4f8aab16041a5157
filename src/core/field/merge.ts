/**
 * Merging field records from an exchange package into the local database, by rev lineage:
 *
 * - no local record → add;
 * - same rev → unchanged;
 * - incoming rev in the local lineage → local is newer, skip;
 * - local rev in the incoming lineage → incoming descends from local, fast-forward (take it as is);
 * - otherwise both sides changed the record since they last agreed. When they made the same change
 *   (equal `deleted` and deep-equal body, or both deleted) that is no conflict: the records have
 *   converged and one record carrying both lineages is stored. Anything else is a conflict the
 *   user resolves with `resolveConflict`.
 *
 * Pure: the caller reads the local records, applies the plan and asks about conflicts.
 */
import { fieldRecordKey, type FieldRecord } from '../../shared/field';
import { stableStringify } from '../util/stable-json';
import { unionRevs } from './rev';

export interface MergeConflict {
  local: FieldRecord;
  incoming: FieldRecord;
}

export interface MergePlan {
  /** Records the local database does not have: store as they are. */
  add: FieldRecord[];
  /** Incoming records that descend from the local ones: store as they are. */
  fastForward: FieldRecord[];
  /** Same change made on both sides: store these merged records (not the incoming ones). */
  converged: FieldRecord[];
  /** Incoming records already stored at the same rev. */
  unchanged: FieldRecord[];
  /** Incoming records older than the local ones: nothing to do. */
  localNewer: FieldRecord[];
  /** Both sides changed the record differently: ask the user. */
  conflicts: MergeConflict[];
}

/**
 * `local` is keyed by `fieldRecordKey`. An incoming record key appearing twice is a broken package
 * (readPackage rejects it before this point), so it throws rather than guessing which one wins.
 */
export function planMerge(local: ReadonlyMap<string, FieldRecord>, incoming: readonly FieldRecord[]): MergePlan {
  const plan: MergePlan = { add: [], fastForward: [], converged: [], unchanged: [], localNewer: [], conflicts: [] };
  const seen = new Set<string>();
  for (const record of incoming) {
    const key = fieldRecordKey(record);
    if (seen.has(key)) throw new Error(`planMerge: record ${key} appears more than once in the incoming records`);
    seen.add(key);
    const mine = local.get(key);
    if (!mine) plan.add.push(record);
    else if (fieldRecordKey(mine) !== key)
      throw new Error(`planMerge: local map key ${key} holds ${fieldRecordKey(mine)}`);
    else if (mine.rev === record.rev) plan.unchanged.push(record);
    else if (mine.revs.includes(record.rev)) plan.localNewer.push(record);
    else if (record.revs.includes(mine.rev)) plan.fastForward.push(record);
    else if (sameContent(mine, record)) plan.converged.push(convergedRecord(mine, record));
    else plan.conflicts.push({ local: mine, incoming: record });
  }
  return plan;
}

/** The records a plan writes to the database (conflicts come later, one by one). */
export function mergeWrites(plan: MergePlan): FieldRecord[] {
  return [...plan.add, ...plan.fastForward, ...plan.converged];
}

/** Same change on both sides: equal deletion flag and body; two tombstones agree whatever their bodies. */
export function sameContent(a: FieldRecord, b: FieldRecord): boolean {
  if (a.deleted !== b.deleted) return false;
  return a.deleted || stableStringify(a.body) === stableStringify(b.body);
}

/**
 * Converged records: the one with the greater rev (string order) wins, with both lineages and the
 * earlier creation. Both laptops pick the same winner, so after importing each other's packages they
 * hold the same rev and later exchanges report `unchanged`. The winning rev stays last in `revs`.
 */
function convergedRecord(local: FieldRecord, incoming: FieldRecord): FieldRecord {
  const [winner, loser] = local.rev > incoming.rev ? [local, incoming] : [incoming, local];
  return {
    ...winner,
    ...earlierCreation(local, incoming),
    revs: unionRevs(local.revs, incoming.revs, [loser.rev, winner.rev]),
  };
}

function earlierCreation(a: FieldRecord, b: FieldRecord): { createdAt: string; createdBy: string } {
  const first = b.createdAt < a.createdAt ? b : a;
  return { createdAt: first.createdAt, createdBy: first.createdBy };
}

export interface ResolveWho {
  author: string;
  now: string;
  /** A fresh rev (newRev()); injectable for tests. */
  rev: string;
}

/**
 * The user's answer to a conflict: the chosen side's body and deletion flag as a new write whose
 * lineage holds both sides, so importing either side's package again is a no-op (localNewer).
 */
export function resolveConflict(
  local: FieldRecord,
  incoming: FieldRecord,
  choice: 'local' | 'incoming',
  who: ResolveWho,
): FieldRecord {
  if (fieldRecordKey(local) !== fieldRecordKey(incoming))
    throw new Error(`resolveConflict: ${fieldRecordKey(local)} and ${fieldRecordKey(incoming)} are different records`);
  if (local.revs.includes(who.rev) || incoming.revs.includes(who.rev))
    throw new Error(`resolveConflict: rev ${who.rev} is not new`);
  const chosen = choice === 'local' ? local : incoming;
  return {
    ...chosen,
    ...earlierCreation(local, incoming),
    rev: who.rev,
    revs: unionRevs(local.revs, incoming.revs, [local.rev, incoming.rev, who.rev]),
    updatedAt: who.now,
    updatedBy: who.author,
  };
}

/**
 * Names of body fields that differ between two bodies (deep comparison; nested values such as
 * `attachedTo` count as one field), in `a`'s key order followed by keys only `b` has.
 */
export function fieldBodyDiff(a: FieldRecord['body'], b: FieldRecord['body']): string[] {
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  const keys = [...Object.keys(left), ...Object.keys(right).filter((key) => !(key in left))];
  return keys.filter(
    (key) => key in left !== key in right || stableStringify(left[key]) !== stableStringify(right[key]),
  );
}
