import { describe, expect, it } from 'vitest';
import { MAX_REV_HISTORY } from '../../shared/field';
import { capRevs, newRev, nextMeta, unionRevs } from './rev';

describe('newRev', () => {
  it('gives distinct UUIDs', () => {
    const revs = new Set(Array.from({ length: 100 }, () => newRev()));
    expect(revs.size).toBe(100);
    for (const rev of revs)
      expect(rev).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('nextMeta', () => {
  it('creates a record with a one-rev lineage', () => {
    const meta = nextMeta(null, 'a1', 'alice', '2024-05-01T08:00:00Z', false, 'r1');
    expect(meta).toEqual({
      id: 'a1',
      rev: 'r1',
      revs: ['r1'],
      createdAt: '2024-05-01T08:00:00Z',
      createdBy: 'alice',
      updatedAt: '2024-05-01T08:00:00Z',
      updatedBy: 'alice',
      deleted: false,
    });
  });

  it('keeps creation fields and appends the new rev on edit and delete', () => {
    const created = nextMeta(null, 'a1', 'alice', '2024-05-01T08:00:00Z', false, 'r1');
    const edited = nextMeta(created, 'a1', 'bob', '2024-05-02T08:00:00Z', false, 'r2');
    const deleted = nextMeta(edited, 'a1', 'carol', '2024-05-03T08:00:00Z', true, 'r3');
    expect(deleted).toEqual({
      id: 'a1',
      rev: 'r3',
      revs: ['r1', 'r2', 'r3'],
      createdAt: '2024-05-01T08:00:00Z',
      createdBy: 'alice',
      updatedAt: '2024-05-03T08:00:00Z',
      updatedBy: 'carol',
      deleted: true,
    });
    expect(created.revs).toEqual(['r1']);
  });

  it('uses a fresh random rev by default', () => {
    const a = nextMeta(null, 'a1', 'alice', 'now', false);
    const b = nextMeta(a, 'a1', 'alice', 'now', false);
    expect(a.rev).not.toBe(b.rev);
    expect(b.revs).toEqual([a.rev, b.rev]);
  });

  it('caps the lineage at MAX_REV_HISTORY, dropping the oldest', () => {
    let meta = nextMeta(null, 'a1', 'alice', 'now', false, 'r0');
    for (let i = 1; i < MAX_REV_HISTORY + 50; i += 1) meta = nextMeta(meta, 'a1', 'alice', 'now', false, `r${i}`);
    expect(meta.revs).toHaveLength(MAX_REV_HISTORY);
    expect(meta.revs[0]).toBe('r50');
    expect(meta.revs.at(-1)).toBe(`r${MAX_REV_HISTORY + 49}`);
    expect(meta.rev).toBe(meta.revs.at(-1));
  });

  it('rejects a different id or a reused rev', () => {
    const created = nextMeta(null, 'a1', 'alice', 'now', false, 'r1');
    expect(() => nextMeta(created, 'a2', 'alice', 'now', false, 'r2')).toThrow(/does not match/);
    expect(() => nextMeta(created, 'a1', 'alice', 'now', false, 'r1')).toThrow(/already in the lineage/);
  });
});

describe('capRevs / unionRevs', () => {
  it('capRevs keeps the newest entries', () => {
    expect(capRevs(['a', 'b', 'c'], 2)).toEqual(['b', 'c']);
    expect(capRevs(['a'], 2)).toEqual(['a']);
  });

  it('unionRevs keeps a’s order, then b-only revs, then the heads last, without repeats', () => {
    expect(unionRevs(['r1', 'r2', 'a3'], ['r1', 'r2', 'b3', 'b4'], ['a3', 'b4', 'x'])).toEqual([
      'r1',
      'r2',
      'b3',
      'a3',
      'b4',
      'x',
    ]);
  });

  it('unionRevs never drops the heads when capping', () => {
    const a = Array.from({ length: MAX_REV_HISTORY }, (_, i) => `a${i}`);
    const b = Array.from({ length: MAX_REV_HISTORY }, (_, i) => `b${i}`);
    const merged = unionRevs(a, b, [a.at(-1)!, b.at(-1)!, 'new']);
    expect(merged).toHaveLength(MAX_REV_HISTORY);
    expect(merged.slice(-3)).toEqual([a.at(-1), b.at(-1), 'new']);
    expect(new Set(merged).size).toBe(merged.length);
  });
});
