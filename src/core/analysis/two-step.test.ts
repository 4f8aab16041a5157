import { describe, expect, it } from 'vitest';
import type { CoverageRequest } from '../../shared/coverage';
import type { TestCell } from '../coverage/test-grid';
import { gridOf } from '../coverage/test-grid';
import { TEST_PROFILES } from '../equity/test-network';
import { twoStepFca } from '../equity/two-step-fca';
import { townData, townPoint } from './test-fixtures';
import { accessibilityPoints, analyseTwoStep } from './two-step';

describe('accessibilityPoints', () => {
  it('classes the populated cells into quintiles and leaves empty cells out', () => {
    const cells: TestCell[] = Array.from({ length: 11 }, (_, k) => ({
      col: 400 + k,
      row: 400,
      population: k === 10 ? 0 : 5,
    }));
    const grid = gridOf(cells);
    const values = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 99]);
    const points = accessibilityPoints(grid, values);
    expect(points.features).toHaveLength(10);
    // Breaks at the 20/40/60/80 % cells: 2, 4, 6, 8.
    expect(points.features.map((f) => f.properties!['q'])).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect(points.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [grid.lon[0], grid.lat[0]] });
  });

  it('rounds the value to three decimals', () => {
    const grid = gridOf([{ col: 400, row: 400, population: 1 }]);
    expect(accessibilityPoints(grid, Float64Array.from([1 / 3])).features[0]!.properties).toEqual({ a: 0.333, q: 0 });
  });
});

describe('analyseTwoStep', () => {
  const town = townData();
  const facilities = [
    { id: 'a', name: 'a', ...townPoint(town, 1, 1), supply: 30 },
    { id: 'b', name: 'b', ...townPoint(town, 6, 3), supply: 10 },
  ];
  const request: CoverageRequest = {
    method: 'network',
    profile: 'drive',
    thresholdsMin: [3, 7],
    radiiM: [],
    facilities: facilities.map(({ id, name, lon, lat }) => ({ id, name, lon, lat })),
  };

  it('uses the run’s circle as the catchment, network and radius', () => {
    const supply = { supply: facilities, field: 'beds' as const, per: 1000 };
    const network = analyseTwoStep(town, TEST_PROFILES, request, supply)!;
    const direct = twoStepFca(town, TEST_PROFILES, {
      method: 'network',
      profile: 'drive',
      catchmentMinutes: 7,
      facilities,
      per: 1000,
    })!;
    expect(network.result.catchment).toBe(7);
    expect(network.result.total).toEqual(direct.total);
    expect(network.field).toBe('beds');
    expect(network.cells).toEqual(accessibilityPoints(town.grid, direct.accessibility));
    expect('accessibility' in network.result).toBe(false);

    const radius = analyseTwoStep(
      town,
      TEST_PROFILES,
      { ...request, method: 'radius', thresholdsMin: [], radiiM: [400, 900] },
      { ...supply, per: 1 },
    )!;
    expect(radius.result).toMatchObject({ method: 'radius', catchment: 900, per: 1 });
  });

  it('takes a catchment set apart from the run', () => {
    const supply = { supply: facilities, field: 'beds' as const, per: 1000, catchment: 4 };
    const network = analyseTwoStep(town, TEST_PROFILES, request, supply)!;
    const direct = twoStepFca(town, TEST_PROFILES, {
      method: 'network',
      profile: 'drive',
      catchmentMinutes: 4,
      facilities,
      per: 1000,
    })!;
    expect(network.result.catchment).toBe(4);
    expect(network.result.total).toEqual(direct.total);
  });

  it('returns null when cancelled', () => {
    const supply = { supply: facilities, field: 'beds' as const, per: 1000 };
    expect(analyseTwoStep(town, TEST_PROFILES, request, supply, { shouldCancel: () => true })).toBeNull();
  });
});
