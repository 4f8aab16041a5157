import { describe, expect, it } from 'vitest';
import { fieldRecordKey, MAX_REV_HISTORY, type FieldRecord } from '../../shared/field';
import { fieldBodyDiff, mergeWrites, planMerge, resolveConflict, type MergePlan } from './merge';
import { annotation, byKey, edit, photo, progress, tombstone } from './test-records';

/** The local database after applying a plan's writes. */
function apply(local: ReadonlyMap<string, FieldRecord>, plan: MergePlan): Map<string, FieldRecord> {
  const next = new Map(local);
  for (const record of mergeWrites(plan)) next.set(fieldRecordKey(record), record);
  return next;
}

function counts(plan: MergePlan) {
  return {
    add: plan.add.length,
    fastForward: plan.fastForward.length,
    converged: plan.converged.length,
    unchanged: plan.unchanged.length,
    localNewer: plan.localNewer.length,
    conflicts: plan.conflicts.length,
  };
}

const NONE = { add: 0, fastForward: 0, converged: 0, unchanged: 0, localNewer: 0, conflicts: 0 };

describe('planMerge', () => {
  const base = annotation('a1');

  it('adds records the local database does not have, photos included', () => {
    const pic = photo('p1', 'a1');
    const plan = planMerge(new Map(), [base, pic]);
    expect(counts(plan)).toEqual({ ...NONE, add: 2 });
    expect(plan.add).toEqual([base, pic]);
    expect(mergeWrites(plan)).toEqual([base, pic]);
  });

  it('reports the same rev as unchanged and an older incoming rev as local-newer', () => {
    const mine = edit(base, 'a2', { note: '已开工' });
    expect(counts(planMerge(byKey([base]), [base]))).toEqual({ ...NONE, unchanged: 1 });
    const plan = planMerge(byKey([mine]), [base]);
    expect(counts(plan)).toEqual({ ...NONE, localNewer: 1 });
    expect(mergeWrites(plan)).toEqual([]);
  });

  it('fast-forwards to an incoming record that descends from the local one, taken as is', () => {
    const theirs = edit(edit(base, 'b2', { note: '主体完工' }), 'b3', { status: 'completed' });
    const plan = planMerge(byKey([base]), [theirs]);
    expect(counts(plan)).toEqual({ ...NONE, fastForward: 1 });
    expect(plan.fastForward[0]).toBe(theirs);
  });

  it('fast-forwards a tombstone over an unchanged local record', () => {
    const gone = tombstone(base, 'b2');
    const plan = planMerge(byKey([base]), [gone]);
    expect(counts(plan)).toEqual({ ...NONE, fastForward: 1 });
    expect(plan.fastForward[0]?.deleted).toBe(true);
    // …and the deletion is not undone by the stale copy coming back.
    expect(counts(planMerge(apply(byKey([base]), plan), [base]))).toEqual({ ...NONE, localNewer: 1 });
  });

  it('reports a tombstone against a local edit as a conflict', () => {
    const mine = edit(base, 'a2', { note: '已开工' });
    const gone = tombstone(base, 'b2');
    const plan = planMerge(byKey([mine]), [gone]);
    expect(counts(plan)).toEqual({ ...NONE, conflicts: 1 });
    expect(plan.conflicts[0]).toEqual({ local: mine, incoming: gone });
  });

  it('reports different edits on both sides as a conflict and writes nothing for it', () => {
    const mine = edit(base, 'a2', { note: '已开工' }, { author: 'alice' });
    const theirs = edit(base, 'b2', { note: '停工' }, { author: 'bob' });
    const plan = planMerge(byKey([mine]), [theirs]);
    expect(counts(plan)).toEqual({ ...NONE, conflicts: 1 });
    expect(mergeWrites(plan)).toEqual([]);
  });

  it('treats the same independent edit as converged and ends both laptops on the same rev', () => {
    const onA = edit(base, 'a2', { status: 'completed' }, { author: 'alice', now: '2024-05-02T08:00:00.000Z' });
    const onB = edit(base, 'b2', { status: 'completed' }, { author: 'bob', now: '2024-05-02T09:00:00.000Z' });
    const planA = planMerge(byKey([onA]), [onB]);
    const planB = planMerge(byKey([onB]), [onA]);
    expect(counts(planA)).toEqual({ ...NONE, converged: 1 });
    expect(counts(planB)).toEqual({ ...NONE, converged: 1 });
    const [mergedA] = planA.converged;
    const [mergedB] = planB.converged;
    // 'b2' > 'a2': both sides keep B's write, with both lineages and the winning rev last.
    expect(mergedA?.rev).toBe('b2');
    expect(mergedB?.rev).toBe('b2');
    expect(mergedA?.updatedBy).toBe('bob');
    expect(mergedA?.revs).toEqual(['a1-r1', 'a2', 'b2']);
    expect(mergedA?.body).toEqual(onB.body);
    expect(mergedA?.createdAt).toBe(base.createdAt);
    // Re-importing either original afterwards is a no-op.
    const dbA = apply(byKey([onA]), planA);
    expect(counts(planMerge(dbA, [onB]))).toEqual({ ...NONE, unchanged: 1 });
    expect(counts(planMerge(dbA, [onA]))).toEqual({ ...NONE, localNewer: 1 });
    // A and B exchanging their merged records: unchanged.
    expect(counts(planMerge(dbA, [mergedB!]))).toEqual({ ...NONE, unchanged: 1 });
  });

  it('treats two tombstones as converged even when their bodies differ', () => {
    const goneA = tombstone(edit(base, 'a2', { note: 'x' }), 'a3');
    const goneB = tombstone(base, 'b2');
    const plan = planMerge(byKey([goneA]), [goneB]);
    expect(counts(plan)).toEqual({ ...NONE, converged: 1 });
    expect(plan.converged[0]?.deleted).toBe(true);
  });

  it('does not treat equal bodies with different deletion flags as converged', () => {
    const gone = tombstone(base, 'b2');
    const touched = edit(base, 'a2', {});
    expect(counts(planMerge(byKey([touched]), [gone]))).toEqual({ ...NONE, conflicts: 1 });
  });

  it('compares bodies deeply, whatever the key order', () => {
    const onA = edit(base, 'a2', { attachedTo: { kind: 'facility', id: 'f9' } });
    const reordered = { ...base.body, attachedTo: { id: 'f9', kind: 'facility' as const } };
    const onB = {
      ...edit(base, 'b2'),
      body: Object.fromEntries(Object.entries(reordered).reverse()),
    } as unknown as FieldRecord;
    expect(counts(planMerge(byKey([onA]), [onB]))).toEqual({ ...NONE, converged: 1 });
  });

  it('sorts a mixed package into every outcome at once', () => {
    const p = progress('g1');
    const mine = edit(base, 'a2', { note: 'mine' });
    const local = byKey([mine, p, annotation('a3')]);
    const incoming = [edit(base, 'b2', { note: 'theirs' }), p, annotation('a4'), edit(annotation('a3'), 'x2')];
    expect(counts(planMerge(local, incoming))).toEqual({ ...NONE, conflicts: 1, unchanged: 1, add: 1, fastForward: 1 });
  });

  it('throws when one package holds the same record twice', () => {
    expect(() => planMerge(new Map(), [base, edit(base, 'b2')])).toThrow(/more than once/);
  });

  it('keeps the same record id apart across kinds', () => {
    const a = annotation('x');
    const p = photo('x', 'a1');
    expect(counts(planMerge(byKey([a]), [p]))).toEqual({ ...NONE, add: 1 });
  });

  it('still recognises ancestors after the lineage was capped', () => {
    let onA: FieldRecord = base;
    const history: FieldRecord[] = [];
    for (let i = 2; i <= MAX_REV_HISTORY + 50; i += 1) {
      onA = edit(onA, `a${i}`, { note: `edit ${i}` });
      history.push(onA);
    }
    expect(onA.revs).toHaveLength(MAX_REV_HISTORY);
    const stale = history[99]!; // edit 101, still within A's last 200 revs
    expect(counts(planMerge(byKey([stale]), [onA]))).toEqual({ ...NONE, fastForward: 1 });
    expect(counts(planMerge(byKey([onA]), [stale]))).toEqual({ ...NONE, localNewer: 1 });
    // Beyond the cap (over 200 edits apart) the ancestry is lost: reported as a conflict, never
    // silently overwritten.
    expect(counts(planMerge(byKey([onA]), [base]))).toEqual({ ...NONE, conflicts: 1 });
  });
});

describe('resolveConflict', () => {
  const base = annotation('a1');
  const mine = edit(base, 'a2', { note: '已开工' }, { author: 'alice' });
  const theirs = edit(base, 'b2', { note: '停工', status: 'problem' }, { author: 'bob' });
  const who = { author: 'carol', now: '2024-06-01T10:00:00.000Z', rev: 'c3' };

  it('keeps the chosen side as a new write holding both lineages', () => {
    const resolved = resolveConflict(mine, theirs, 'incoming', who);
    expect(resolved.body).toEqual(theirs.body);
    expect(resolved.deleted).toBe(false);
    expect(resolved.rev).toBe('c3');
    expect(resolved.revs).toEqual(['a1-r1', 'a2', 'b2', 'c3']);
    expect(resolved.updatedBy).toBe('carol');
    expect(resolved.updatedAt).toBe(who.now);
    expect(resolved.createdBy).toBe('alice');
    expect(resolved.createdAt).toBe(base.createdAt);
    expect(resolveConflict(mine, theirs, 'local', who).body).toEqual(mine.body);
  });

  it('makes importing the same package again a no-op, and fast-forwards the other laptop', () => {
    const local = byKey([mine]);
    const plan = planMerge(local, [theirs]);
    const resolved = plan.conflicts.map((c) => resolveConflict(c.local, c.incoming, 'local', who));
    const db = new Map(local);
    for (const r of resolved) db.set(fieldRecordKey(r), r);
    const again = planMerge(db, [theirs]);
    expect(mergeWrites(again)).toEqual([]);
    expect(again.conflicts).toEqual([]);
    expect(again.localNewer).toHaveLength(1);
    // B receives the resolution: its own rev is in the lineage, so it simply takes it.
    expect(counts(planMerge(byKey([theirs]), resolved))).toEqual({ ...NONE, fastForward: 1 });
    expect(counts(planMerge(byKey([mine]), resolved))).toEqual({ ...NONE, fastForward: 1 });
  });

  it('can resolve towards a deletion', () => {
    const gone = tombstone(base, 'b2');
    const resolved = resolveConflict(mine, gone, 'incoming', who);
    expect(resolved.deleted).toBe(true);
    expect(counts(planMerge(byKey([resolved]), [gone]))).toEqual({ ...NONE, localNewer: 1 });
    expect(counts(planMerge(byKey([resolved]), [mine]))).toEqual({ ...NONE, localNewer: 1 });
  });

  it('stays a no-op after resolving two long lineages (capping keeps both heads)', () => {
    let a: FieldRecord = base;
    let b: FieldRecord = base;
    for (let i = 2; i < MAX_REV_HISTORY + 10; i += 1) {
      a = edit(a, `a${i}`, { note: `a ${i}` });
      b = edit(b, `b${i}`, { note: `b ${i}` });
    }
    const resolved = resolveConflict(a, b, 'local', who);
    expect(resolved.revs).toHaveLength(MAX_REV_HISTORY);
    expect(counts(planMerge(byKey([resolved]), [a]))).toEqual({ ...NONE, localNewer: 1 });
    expect(counts(planMerge(byKey([resolved]), [b]))).toEqual({ ...NONE, localNewer: 1 });
    expect(counts(planMerge(byKey([b]), [resolved]))).toEqual({ ...NONE, fastForward: 1 });
  });

  it('refuses different records and a rev that is not new', () => {
    expect(() => resolveConflict(mine, annotation('a9'), 'local', who)).toThrow(/different records/);
    expect(() => resolveConflict(mine, theirs, 'local', { ...who, rev: 'a2' })).toThrow(/not new/);
  });
});

describe('fieldBodyDiff', () => {
  it('lists changed body fields, nested values as one field', () => {
    const a = annotation('a1').body;
    const b = { ...a, note: '变了', attachedTo: { kind: 'project' as const, seq: 13 }, lon: a.lon + 0.001 };
    expect(fieldBodyDiff(a, b)).toEqual(['note', 'lon', 'attachedTo']);
    expect(fieldBodyDiff(a, { ...a })).toEqual([]);
    expect(fieldBodyDiff(a, { ...a, attachedTo: { seq: 12, kind: 'project' } })).toEqual([]);
  });

  it('counts null vs missing and extra keys as changes', () => {
    const a = progress('g1').body;
    const { note: _note, ...withoutNote } = a;
    expect(fieldBodyDiff(a, withoutNote as typeof a)).toEqual(['note']);
    expect(fieldBodyDiff(withoutNote as typeof a, a)).toEqual(['note']);
    const photoBody = photo('p1', 'a1').body;
    expect(fieldBodyDiff(photoBody, { ...photoBody, thumbSha256: 'b'.repeat(64), exifLon: null })).toEqual([
      'thumbSha256',
      'exifLon',
    ]);
  });
});
