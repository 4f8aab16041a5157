import type { CoverageOutput, RunMessage, WorkerMessage } from './worker-protocol';

/**
 * Live what-if previews while the user drags: a worker of its own (so a full run can be cancelled
 * without losing it), at most one request in flight, and only the newest waiting one is sent next.
 */
export class PreviewClient {
  private readonly worker = new Worker(new URL('./coverage.worker.ts', import.meta.url), { type: 'module' });
  private inFlight: string | null = null;
  private waiting: RunMessage | null = null;

  constructor(private readonly onResult: (output: CoverageOutput, runId: string) => void) {
    this.worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const data = event.data;
      if (data.type === 'progress' || data.runId !== this.inFlight) return;
      this.inFlight = null;
      if (data.type === 'result') this.onResult(data.result, data.runId);
      this.flush();
    };
  }

  request(message: RunMessage): void {
    this.waiting = { ...message, preview: true };
    this.flush();
  }

  private flush(): void {
    if (this.inFlight || !this.waiting) return;
    this.inFlight = this.waiting.runId;
    this.worker.postMessage(this.waiting);
    this.waiting = null;
  }

  dispose(): void {
    this.worker.terminate();
  }
}
