/**
 * Memory of one bench case, measured in a fresh child process (same setup, then the case once):
 * the process's peak RSS is otherwise a lifetime high-water mark shared by every case before it.
 */
import { fork } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Bench } from './bench-types';

export interface MemoryResult {
  /** Peak resident set size of a process that ran only the setup and this case. */
  peakRss: number;
  /** Heap still in use after the case, with its result alive, minus before (after a full GC). */
  heapDelta: number;
}

/** Holds a case's result through the after-GC heap reading, so the delta includes what it built. */
const keepAlive: unknown[] = [];

/** `npm run bench` runs plain tsx, without --expose-gc; V8 lets us switch it on at run time. */
function exposeGc(): (() => void) | null {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

/** In the child: run setup and one case, report memory to the parent. */
export async function measureInThisProcess(bench: Bench, caseName: string): Promise<MemoryResult> {
  const benchCase = bench.cases.find((c) => c.name === caseName);
  if (!benchCase) throw new Error(`bench ${bench.id}: no case "${caseName}"`);
  const gc = exposeGc();
  const context = await bench.setup();
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  keepAlive.push(await benchCase.run(context));
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc?.();
  const heapDelta = process.memoryUsage().heapUsed - heapBefore;
  keepAlive.length = 0;
  return { peakRss, heapDelta };
}

/** In the parent: fork the runner script in child mode (fork reuses tsx's loader flags). */
export function measureInChild(script: string, benchId: string, caseName: string): Promise<MemoryResult | null> {
  return new Promise((resolve) => {
    const child = fork(script, ['--child', benchId, caseName], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: MemoryResult | null = null;
    child.on('message', (message) => {
      result = message as MemoryResult;
    });
    child.on('error', () => resolve(null));
    child.on('exit', () => resolve(result));
  });
}
