import type { CoverageOutput, CoveragePhase, RunMessage, WorkerMessage } from './worker-protocol';

export class CoverageCancelled extends Error {
  constructor() {
    super('coverage run cancelled');
  }
}

/**
 * Runs coverage in a Web Worker. The search is one synchronous loop, so cancelling terminates the
 * worker outright (no partial result can escape) and the next run starts a fresh one.
 */
export class CoverageClient {
  private worker: Worker | null = null;
  private pending: { runId: string; reject: (error: Error) => void } | null = null;

  run(message: RunMessage, onProgress: (phase: CoveragePhase, fraction: number) => void): Promise<CoverageOutput> {
    this.cancel();
    const worker = (this.worker ??= new Worker(new URL('./coverage.worker.ts', import.meta.url), { type: 'module' }));
    return new Promise<CoverageOutput>((resolve, reject) => {
      this.pending = { runId: message.runId, reject };
      worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
        const data = event.data;
        if (data.runId !== message.runId) return;
        if (data.type === 'progress') return onProgress(data.phase, data.fraction);
        this.pending = null;
        if (data.type === 'result') resolve(data.result);
        else reject(new Error(data.message));
      };
      worker.onerror = (event) => {
        this.pending = null;
        reject(new Error(event.message || 'coverage worker failed'));
      };
      worker.postMessage(message);
    });
  }

  cancel(): void {
    if (!this.pending) return;
    this.worker?.terminate();
    this.worker = null;
    const { reject } = this.pending;
    this.pending = null;
    reject(new CoverageCancelled());
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }
}
