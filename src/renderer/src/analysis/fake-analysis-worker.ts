/** Test helper (not used by the app): an analysis worker the test answers by hand. */
import type { AnalysisRequestType, WorkerReply, WorkerRequestOf } from './analysis-protocol';
import type { AnalysisPort } from './analysis-service';

export class FakeAnalysisWorker implements AnalysisPort {
  readonly posted: WorkerRequestOf<AnalysisRequestType>[] = [];
  terminated = false;
  private onReply: ((reply: WorkerReply) => void) | null = null;
  private onFailure: ((message: string) => void) | null = null;

  post(message: WorkerRequestOf<AnalysisRequestType>): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.posted.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  listen(onReply: (reply: WorkerReply) => void, onFailure: (message: string) => void): void {
    this.onReply = onReply;
    this.onFailure = onFailure;
  }

  reply(reply: WorkerReply): void {
    this.onReply?.(reply);
  }

  fail(message: string): void {
    this.onFailure?.(message);
  }
}

/** A spawn function handing out fake workers, and the workers it made. */
export function fakeSpawner(): { spawn: () => FakeAnalysisWorker; workers: FakeAnalysisWorker[] } {
  const workers: FakeAnalysisWorker[] = [];
  return {
    workers,
    spawn: () => {
      const worker = new FakeAnalysisWorker();
      workers.push(worker);
      return worker;
    },
  };
}
