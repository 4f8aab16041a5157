/// <reference lib="webworker" />
/**
 * The analysis worker: reads the routing graph and the population grid once per data version,
 * decodes an imported grid once per grid, and answers requests one at a time, in order, with the
 * handlers of analysis-handlers.ts. Only the analysis service talks to it.
 */
import type { CoverageData } from '../../../core/coverage/run-coverage';
import { decodePopulationGrid } from '../../../core/population/grid-codec';
import { decodeRoutingGraph } from '../../../core/routing/graph';
import { DATA_FILES } from '../../../shared/data-contract';
import { BaseRunCache, handleRequest, type HandlerContext } from './analysis-handlers';
import type {
  AnalysisRequestType,
  AnalysisResult,
  AnalysisSource,
  WorkerReply,
  WorkerRequest,
  WorkerResultReply,
} from './analysis-protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Progress is posted at most this often (ms), besides each phase's start and end. */
const PROGRESS_INTERVAL_MS = 50;

let shipped: { key: string; data: Promise<CoverageData> } | null = null;
let imported: { key: string; data: CoverageData } | null = null;
const bases = new BaseRunCache();

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** The data a request runs on; graph and grids are decoded once and kept for every later request. */
async function coverageData(source: AnalysisSource): Promise<CoverageData> {
  const key = `${source.dataBaseUrl}|${source.dataVersion}`;
  if (shipped?.key !== key) {
    shipped = {
      key,
      data: Promise.all([
        fetchBytes(source.dataBaseUrl + DATA_FILES.routingGraph),
        fetchBytes(source.dataBaseUrl + DATA_FILES.populationGrid),
      ]).then(([graph, grid]) => ({
        graph: decodeRoutingGraph(graph),
        grid: decodePopulationGrid(grid),
        dataVersion: source.dataVersion,
      })),
    };
  }
  const data = await shipped.data;
  if (!source.population) return data;
  const { key: gridKey, bytes } = source.population;
  // A data object of its own: per-profile snapping is cached per grid (core/coverage/run-coverage.ts).
  if (imported?.key !== gridKey || imported.data.graph !== data.graph)
    imported = { key: gridKey, data: { ...data, grid: decodePopulationGrid(bytes) } };
  return imported.data;
}

function post(reply: WorkerReply): void {
  // Copies, not transfers: the typed arrays may belong to base runs the worker keeps.
  self.postMessage(reply);
}

async function answer(message: WorkerRequest): Promise<void> {
  const { id, source } = message;
  let lastPost = 0;
  const progress: HandlerContext['progress'] = (phase, fraction) => {
    const now = performance.now();
    if (now - lastPost < PROGRESS_INTERVAL_MS && fraction > 0 && fraction < 1) return;
    lastPost = now;
    post({ kind: 'progress', id, phase, fraction });
  };
  try {
    progress('loading', 0);
    const data = await coverageData(source);
    const dataKey = `${source.dataBaseUrl}|${source.dataVersion}|${source.population?.key ?? 'modelled'}`;
    const context = { data, profiles: source.profiles, dataKey, bases, progress };
    post(resultReply(message.type, id, handleRequest(message.type, message.params, context)));
  } catch (error) {
    post({ kind: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
}

/** The reply to one request, its type and result taken from the same handler call. */
function resultReply<T extends AnalysisRequestType>(
  type: T,
  id: number,
  result: AnalysisResult<T>,
): WorkerResultReply<T> {
  return { kind: 'result', type, id, result };
}

// One request at a time, in the order sent: a request may wait for the data another started loading.
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  queue = queue.then(() => answer(event.data));
};
