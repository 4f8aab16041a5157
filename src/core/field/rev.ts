/**
 * Revisions of field records. Every write gets a fresh random `rev` and appends it to `revs`, the
 * record's lineage. Merging compares lineages (see merge.ts), so no clock has to agree between
 * laptops.
 */
import { MAX_REV_HISTORY, type FieldRecordMeta } from '../../shared/field';

export function newRev(): string {
  return crypto.randomUUID();
}

/** Keeps the newest `max` revs (the end of the list); the oldest are dropped first. */
export function capRevs(revs: readonly string[], max: number = MAX_REV_HISTORY): string[] {
  return revs.length > max ? revs.slice(revs.length - max) : [...revs];
}

/**
 * Metadata for a new write of record `id`: a create when `previous` is null, otherwise an edit (or
 * a deletion when `deleted`) that keeps the creation fields and extends the lineage.
 * `rev` is injectable for tests; production callers leave it out.
 */
export function nextMeta(
  previous: FieldRecordMeta | null,
  id: string,
  author: string,
  now: string,
  deleted: boolean,
  rev: string = newRev(),
): FieldRecordMeta {
  if (previous && previous.id !== id) throw new Error(`nextMeta: id ${id} does not match previous ${previous.id}`);
  if (previous?.revs.includes(rev)) throw new Error(`nextMeta: rev ${rev} is already in the lineage`);
  return {
    id,
    rev,
    revs: capRevs([...(previous?.revs ?? []), rev]),
    createdAt: previous?.createdAt ?? now,
    createdBy: previous?.createdBy ?? author,
    updatedAt: now,
    updatedBy: author,
    deleted,
  };
}

/**
 * The union of two lineages for a merged record: `a`'s order, then revs only `b` has, then the
 * given `heads` last (in that order), capped. Heads go last so capping, which drops the oldest,
 * never drops them: the tips of both sides must stay recognisable for later imports.
 */
export function unionRevs(a: readonly string[], b: readonly string[], heads: readonly string[]): string[] {
  const headSet = new Set(heads);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const rev of [...a, ...b]) {
    if (headSet.has(rev) || seen.has(rev)) continue;
    seen.add(rev);
    out.push(rev);
  }
  for (const rev of heads) {
    if (seen.has(rev)) continue;
    seen.add(rev);
    out.push(rev);
  }
  return capRevs(out);
}
