import { describe, expect, it } from 'vitest';
import { contentRange, parseRange } from './byte-range';

describe('parseRange', () => {
  it('ignores a missing, foreign-unit, multi-range or malformed header', () => {
    for (const header of [null, undefined, '', 'items=0-1', 'bytes=0-1,5-6', 'bytes=abc', 'bytes=-', 'bytes=5-2']) {
      expect(parseRange(header, 100)).toEqual({ kind: 'none' });
    }
  });

  it('parses a closed range', () => {
    expect(parseRange('bytes=0-15', 100)).toEqual({ kind: 'range', range: { start: 0, end: 15 } });
    expect(parseRange('Bytes= 10 - 19 ', 100)).toEqual({ kind: 'range', range: { start: 10, end: 19 } });
  });

  it('clamps the end to the last byte', () => {
    expect(parseRange('bytes=90-16383', 100)).toEqual({ kind: 'range', range: { start: 90, end: 99 } });
    expect(parseRange('bytes=0-99999999999999999999', 100)).toEqual({ kind: 'range', range: { start: 0, end: 99 } });
  });

  it('parses open and suffix ranges', () => {
    expect(parseRange('bytes=95-', 100)).toEqual({ kind: 'range', range: { start: 95, end: 99 } });
    expect(parseRange('bytes=-10', 100)).toEqual({ kind: 'range', range: { start: 90, end: 99 } });
    expect(parseRange('bytes=-1000', 100)).toEqual({ kind: 'range', range: { start: 0, end: 99 } });
  });

  it('reports unsatisfiable ranges', () => {
    expect(parseRange('bytes=100-200', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=0-10', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('formats Content-Range', () => {
    expect(contentRange({ start: 0, end: 15 }, 100)).toBe('bytes 0-15/100');
  });
});
