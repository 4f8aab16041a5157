/**
 * The analysis service: the one module that owns the analysis workers and posts to them. Stores
 * ask it for typed requests (analysis-protocol.ts) and get a promise of the typed result.
 *
 * Two workers, each decoding the graph and the grid once per data version (three did before):
 * - `jobs`: runs, 2SFCA, siting and comparisons, in the order asked. A search is one synchronous
 *   loop, so a message asking it to stop could only be read once it had finished; cancelling
 *   terminates this worker instead (nothing half-done can come back, so nothing is stored) and the
 *   next request starts a fresh one, which runs its base run again once.
 * - `live`: what-if previews while the user drags, newest-only: at most one in flight, and of the
 *   ones asked meanwhile only the newest is sent next. A worker of its own, so a long siting does
 *   not hold previews up and cancelling a run does not lose them; it keeps its own copy of the base
 *   run (run once, numbers only, on the first preview of a base).
 */
import {
  isResultOf,
  type AnalysisParams,
  type AnalysisPhase,
  type AnalysisRequestType,
  type AnalysisResult,
  type AnalysisSource,
  type WorkerReply,
  type WorkerRequestOf,
} from './analysis-protocol';

/** A request the user cancelled (or the service was disposed of): no result will come. */
export class AnalysisCancelled extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

/** A newest-only request replaced by a newer one before it was sent. */
export class AnalysisSuperseded extends Error {
  constructor() {
    super('analysis superseded by a newer request');
  }
}

/** What the service needs of a worker; the real one wraps a Web Worker, tests pass a fake. */
export interface AnalysisPort {
  post(message: WorkerRequestOf<AnalysisRequestType>): void;
  terminate(): void;
  listen(onReply: (reply: WorkerReply) => void, onFailure: (message: string) => void): void;
}

export type ProgressListener = (phase: AnalysisPhase, fraction: number) => void;

export interface AnalysisService {
  request<T extends AnalysisRequestType>(
    type: T,
    source: AnalysisSource,
    params: AnalysisParams<T>,
    onProgress?: ProgressListener,
  ): Promise<AnalysisResult<T>>;
  /** Stops every run, 2SFCA, siting and comparison under way; previews go on. */
  cancel(): void;
  dispose(): void;
}

/** Request types answered newest-only, on the live worker. */
const NEWEST_ONLY: ReadonlySet<AnalysisRequestType> = new Set<AnalysisRequestType>(['preview']);

function spawnWebWorker(): AnalysisPort {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    listen(onReply, onFailure) {
      worker.onmessage = (event: MessageEvent<WorkerReply>) => onReply(event.data);
      worker.onerror = (event) => onFailure(event.message || 'analysis worker failed');
    },
  };
}

interface Pending {
  message: WorkerRequestOf<AnalysisRequestType>;
  onProgress?: ProgressListener;
  settle(reply: WorkerReply & { kind: 'result' | 'error' }): void;
  reject(error: Error): void;
}

/** One worker and its requests. */
class Lane {
  private port: AnalysisPort | null = null;
  private readonly sent = new Map<number, Pending>();
  /** Newest-only lanes: the newest request of each type waiting for the one in flight. */
  private readonly waiting = new Map<AnalysisRequestType, Pending>();

  constructor(
    private readonly spawn: () => AnalysisPort,
    private readonly newestOnly: boolean,
  ) {}

  submit(pending: Pending): void {
    if (!this.newestOnly || this.sent.size === 0) return this.send(pending);
    this.waiting.get(pending.message.type)?.reject(new AnalysisSuperseded());
    this.waiting.set(pending.message.type, pending);
  }

  /** Terminates the worker; everything sent or waiting is rejected with `error`. */
  stop(error: () => Error): void {
    const dropped = [...this.sent.values(), ...this.waiting.values()];
    this.sent.clear();
    this.waiting.clear();
    this.port?.terminate();
    this.port = null;
    for (const pending of dropped) pending.reject(error());
  }

  private send(pending: Pending): void {
    const port = (this.port ??= this.open());
    this.sent.set(pending.message.id, pending);
    port.post(pending.message);
  }

  private open(): AnalysisPort {
    const port = this.spawn();
    port.listen(
      (reply) => {
        // A reply from a worker terminated meanwhile finds nothing pending and is dropped.
        if (this.port !== port) return;
        const pending = this.sent.get(reply.id);
        if (!pending) return;
        if (reply.kind === 'progress') return pending.onProgress?.(reply.phase, reply.fraction);
        this.sent.delete(reply.id);
        pending.settle(reply);
        this.sendNextWaiting();
      },
      (message) => {
        if (this.port === port) this.stop(() => new Error(message));
      },
    );
    return port;
  }

  private sendNextWaiting(): void {
    if (this.sent.size > 0) return;
    const [type, next] = this.waiting.entries().next().value ?? [];
    if (!type || !next) return;
    this.waiting.delete(type);
    this.send(next);
  }
}

export function createAnalysisService(spawn: () => AnalysisPort = spawnWebWorker): AnalysisService {
  const jobs = new Lane(spawn, false);
  const live = new Lane(spawn, true);
  let nextId = 1;

  return {
    request<T extends AnalysisRequestType>(
      type: T,
      source: AnalysisSource,
      params: AnalysisParams<T>,
      onProgress?: ProgressListener,
    ): Promise<AnalysisResult<T>> {
      return new Promise<AnalysisResult<T>>((resolve, reject) => {
        const message: WorkerRequestOf<T> = { type, id: nextId++, source, params };
        (NEWEST_ONLY.has(type) ? live : jobs).submit({
          message,
          ...(onProgress ? { onProgress } : {}),
          reject,
          settle(reply) {
            if (reply.kind === 'error') reject(new Error(reply.message));
            else if (isResultOf(reply, type)) resolve(reply.result);
            else reject(new Error(`analysis: a ${reply.type} result answered a ${type} request`));
          },
        });
      });
    },
    cancel() {
      jobs.stop(() => new AnalysisCancelled());
    },
    dispose() {
      jobs.stop(() => new AnalysisCancelled());
      live.stop(() => new AnalysisCancelled());
    },
  };
}
