import { describe, expect, it } from 'vitest';
import type { FieldRecordOf } from '../../shared/field';
import { positionRecordId } from '../../shared/field';
import { applyPositionCorrections } from './apply-positions';

const project = (seq: number) => ({ seq, name: `p${seq}`, lon: 120.7, lat: 28.0, geocodePrecision: 'county' as const });
const position = (seq: number, deleted = false): FieldRecordOf<'position'> => ({
  kind: 'position',
  id: positionRecordId(seq),
  rev: 'r1',
  revs: ['r1'],
  createdAt: '2026-11-20T00:00:00Z',
  createdBy: '李四',
  updatedAt: '2026-11-21T00:00:00Z',
  updatedBy: '王五',
  deleted,
  body: { projectSeq: seq, lon: 120.61, lat: 27.95, original: { lon: 120.7, lat: 28.0, geocodePrecision: 'county' } },
});

describe('applyPositionCorrections', () => {
  it('moves corrected projects to site precision and keeps the original and who/when', () => {
    const [a, b] = applyPositionCorrections([project(1), project(2)], [position(2)]);
    expect(a).toEqual(project(1));
    expect(b).toMatchObject({
      lon: 120.61,
      lat: 27.95,
      geocodePrecision: 'site',
      correction: { by: '王五', at: '2026-11-21T00:00:00Z', original: { lon: 120.7, geocodePrecision: 'county' } },
    });
  });

  it('ignores deleted corrections (the shipped position comes back)', () => {
    expect(applyPositionCorrections([project(2)], [position(2, true)])).toEqual([project(2)]);
  });
});
