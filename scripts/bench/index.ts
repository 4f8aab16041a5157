/**
 * `npm run bench [-- <id>…] [--runs N] [--no-memory]`: runs the registered benchmarks and prints
 * one table per bench (median/p95 of N runs, ratio to the baseline measured in the same run,
 * peak RSS and retained heap from an isolated child run). Reports only; never asserts timings.
 */
import { fileURLToPath } from 'node:url';
import { measureInChild, measureInThisProcess } from './memory';
import { registeredBenches } from './registry';
import { resultTable, runBench } from './runner';

const SCRIPT = fileURLToPath(import.meta.url);

async function child(benchId: string, caseName: string): Promise<void> {
  const bench = (await registeredBenches()).find((b) => b.id === benchId);
  if (!bench) throw new Error(`no bench "${benchId}"`);
  process.send?.(await measureInThisProcess(bench, caseName));
}

async function main(argv: readonly string[]): Promise<void> {
  if (argv[0] === '--child') return child(argv[1] ?? '', argv[2] ?? '');
  const runsAt = argv.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : undefined;
  const memory = !argv.includes('--no-memory');
  const wanted = argv.filter((a, i) => !a.startsWith('--') && (runsAt < 0 || i !== runsAt + 1));
  const benches = (await registeredBenches()).filter((b) => wanted.length === 0 || wanted.includes(b.id));
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);
  for (const bench of benches) {
    const results = await runBench(bench, {
      runs,
      measureMemory: memory ? (name) => measureInChild(SCRIPT, bench.id, name) : undefined,
    });
    const n = runs ?? bench.runs;
    console.log(`\n${bench.title} — median/p95 of ${n} runs after 1 warm-up`);
    console.log(resultTable(results));
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
