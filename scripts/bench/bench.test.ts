import { describe, expect, it } from 'vitest';
import { defineBench } from './bench-types';
import { BENCH_FILTER, filterBench, generateFacilities, naiveFilter } from './filter-bench';
import { filterFacilities } from '../../src/core/geo/filter-facilities';
import { fullImport, importBench, importContext, papaparseOnly } from './import-bench';
import { registeredBenches } from './registry';
import { resultTable, runBench } from './runner';

describe('bench runner', () => {
  it('times every case, baseline first, and prints ratios against it', async () => {
    let calls = 0;
    const bench = defineBench<number>({
      id: 't',
      title: 'test',
      runs: 3,
      setup: () => 2,
      cases: [
        { name: 'slow', run: (n) => (calls += n) },
        { name: 'base', baseline: true, run: () => calls++ },
      ],
    });
    const results = await runBench(bench, { measureMemory: async () => ({ peakRss: 1024 * 1024, heapDelta: 0 }) });
    expect(results.map((r) => [r.name, r.samples.length])).toEqual([
      ['base', 3],
      ['slow', 3],
    ]);
    expect(calls).toBe(4 + 8);
    const text = resultTable(results);
    expect(text).toContain('base (baseline)');
    expect(text).toContain('1.00×');
    expect(text).toContain('1.0 MiB');
  });

  it('refuses a bench without exactly one baseline', async () => {
    const bench = defineBench({
      id: 'x',
      title: 'x',
      runs: 1,
      setup: () => null,
      cases: [{ name: 'a', run: () => 0 }],
    });
    await expect(runBench(bench)).rejects.toThrow(/baseline/);
  });

  it('registers every bench, each with one baseline', async () => {
    const benches = await registeredBenches();
    expect(benches.map((b) => b.id)).toEqual([
      'import',
      'filter',
      'coverage',
      'equity',
      'equity-siting',
      'field',
      'sheet',
      'atlas',
      'analysis-preview',
      'analysis-siting',
      'analysis-compare',
    ]);
    for (const b of benches) expect(b.cases.filter((c) => c.baseline)).toHaveLength(1);
  });
});

describe('import bench', () => {
  it('imports every generated row from UTF-8 and GBK bytes', async () => {
    const context = importContext(300);
    expect(papaparseOnly(context.utf8)).toHaveLength(302);
    const fromUtf8 = await fullImport(context.utf8, context.counties);
    expect(fromUtf8).toHaveLength(300);
    const fromGbk = await fullImport(context.gbk, context.counties);
    expect(fromGbk.map((f) => [f.name, f.category, f.lon, f.lat])).toEqual(
      fromUtf8.map((f) => [f.name, f.category, f.lon, f.lat]),
    );
    expect((await runBench(importBench(50), { runs: 1 })).map((r) => r.name)).toHaveLength(3);
  });
});

describe('filter bench', () => {
  it('gets the same answer from the naive baseline and filterFacilities', async () => {
    const facilities = generateFacilities(5000);
    const expected = naiveFilter(facilities, BENCH_FILTER);
    expect(expected.length).toBeGreaterThan(0);
    expect(filterFacilities(facilities, BENCH_FILTER)).toEqual(expected);
    const loose = { ...BENCH_FILTER, text: '', capacity: null, mountainOnly: false };
    expect(filterFacilities(facilities, loose)).toEqual(naiveFilter(facilities, loose));
    expect((await runBench(filterBench(100), { runs: 2 })).map((r) => r.samples.length)).toEqual([2, 2]);
  });
});
