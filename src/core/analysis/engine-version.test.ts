import { describe, expect, it } from 'vitest';
import type { CoverageFacility, CoverageRequest } from '../../shared/coverage';
import { TEST_PROFILES, valleyData } from '../equity/test-network';
import { analyseCoverage } from './analyse-coverage';
import { ENGINE_FINGERPRINT, ENGINE_VERSION } from './engine-version';
import { townData, townPoint } from './test-fixtures';
import { outputFingerprint } from './test-fingerprint';
import { analyseTwoStep } from './two-step';

/** Everything a cached run stores (run, equity review, 2SFCA) on fixed fixtures, both methods. */
function engineOutputs() {
  const town = townData();
  const facilities: CoverageFacility[] = [
    { id: 'a', name: 'a', ...townPoint(town, 1, 1, 0.3) },
    { id: 'b', name: 'b', ...townPoint(town, 5, 3) },
    { id: 'c', name: 'c', ...townPoint(town, 6, 4, 0.2) },
  ];
  const network: CoverageRequest = {
    method: 'network',
    profile: 'drive',
    thresholdsMin: [4, 8, 12],
    radiiM: [],
    facilities,
  };
  const radius: CoverageRequest = { ...network, method: 'radius', thresholdsMin: [], radiiM: [300, 700] };
  const supply = {
    supply: facilities.map((f, k) => ({ ...f, supply: [40, 10, 25][k]! })),
    field: 'beds' as const,
    per: 1000,
  };
  const valley = valleyData();
  const valleyRequest: CoverageRequest = {
    ...network,
    thresholdsMin: [5, 15],
    facilities: [{ id: 'f', name: 'f', lon: valley.grid.lon[0]!, lat: valley.grid.lat[0]! }],
  };
  return {
    townNetwork: analyseCoverage(town, network, TEST_PROFILES),
    townRadius: analyseCoverage(town, radius, TEST_PROFILES),
    townNetworkTwoStep: analyseTwoStep(town, TEST_PROFILES, network, supply),
    townRadiusTwoStep: analyseTwoStep(town, TEST_PROFILES, radius, supply),
    valley: analyseCoverage(valley, valleyRequest, TEST_PROFILES),
  };
}

describe('engine version', () => {
  it('is tied to what the engine computes on the fixtures', async () => {
    const fingerprint = await outputFingerprint(engineOutputs());
    expect(
      fingerprint,
      `The coverage/equity/2SFCA outputs changed (fingerprint ${fingerprint}). Cached runs computed ` +
        `by the old engine would now be shown as current: bump ENGINE_VERSION (now '${ENGINE_VERSION}') in ` +
        'src/core/analysis/engine-version.ts and record this fingerprint as ENGINE_FINGERPRINT there.',
    ).toBe(ENGINE_FINGERPRINT);
  });

  it('gives the same fingerprint on every run (no timings or ordering leak into it)', async () => {
    expect(await outputFingerprint(engineOutputs())).toBe(await outputFingerprint(engineOutputs()));
  });

  it('notices a change far below what a reader would see', async () => {
    const outputs = engineOutputs();
    const before = await outputFingerprint(outputs);
    outputs.townNetwork!.result.cellMinutes[3]! *= 1.0001;
    expect(await outputFingerprint(outputs)).not.toBe(before);
  });
});
