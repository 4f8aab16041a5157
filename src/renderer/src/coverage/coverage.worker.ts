/// <reference lib="webworker" />
import { runCoverage, type CoverageData } from '../../../core/coverage/run-coverage';
import { equitySummary } from '../../../core/equity/equity-summary';
import { siteFacilities, type SitingResult } from '../../../core/equity/siting';
import { decodePopulationGrid } from '../../../core/population/grid-codec';
import { decodeRoutingGraph } from '../../../core/routing/graph';
import { DATA_FILES } from '../../../shared/data-contract';
import type { RunMessage, WorkerMessage } from './worker-protocol';

declare const self: DedicatedWorkerGlobalScope;

let loaded: { key: string; data: Promise<CoverageData> } | null = null;
let imported: { key: string; data: CoverageData } | null = null;

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/** Graph and grid are read once per data version and kept for every later run. */
function coverageData(dataBaseUrl: string, dataVersion: string): Promise<CoverageData> {
  const key = `${dataBaseUrl}|${dataVersion}`;
  if (loaded?.key !== key) {
    loaded = {
      key,
      data: Promise.all([
        fetchBytes(dataBaseUrl + DATA_FILES.routingGraph),
        fetchBytes(dataBaseUrl + DATA_FILES.populationGrid),
      ]).then(([graph, grid]) => ({
        graph: decodeRoutingGraph(graph),
        grid: decodePopulationGrid(grid),
        dataVersion,
      })),
    };
  }
  return loaded.data;
}

function post(message: WorkerMessage, transfer: Transferable[] = []) {
  self.postMessage(message, transfer);
}

self.onmessage = async (event: MessageEvent<RunMessage>) => {
  const { runId, dataBaseUrl, dataVersion, request, profiles } = event.data;
  try {
    post({ type: 'progress', runId, phase: 'loading', fraction: 0 });
    const shipped = await coverageData(dataBaseUrl, dataVersion);
    let data = shipped;
    if (event.data.population) {
      const { key, bytes } = event.data.population;
      // A separate data object: per-profile snapping is cached per grid.
      if (imported?.key !== key || imported.data.graph !== shipped.graph)
        imported = { key, data: { ...shipped, grid: decodePopulationGrid(bytes) } };
      data = imported.data;
    }
    let lastPost = 0;
    const output = runCoverage(data, request, profiles, {
      numbersOnly: event.data.preview === true,
      onProgress: (phase, fraction) => {
        const now = performance.now();
        if (now - lastPost < 50 && fraction > 0 && fraction < 1) return;
        lastPost = now;
        post({ type: 'progress', runId, phase, fraction });
      },
    });
    if (!output) return;
    post({ type: 'progress', runId, phase: 'summarising', fraction: 1 });
    const equity = equitySummary(output, data.grid, { gapLimit: event.data.preview ? 20 : 50 });
    // Copies, not transfers: the typed arrays may be views the engine keeps for later runs.
    let siting: SitingResult | undefined;
    if (event.data.siting) {
      const found = siteFacilities(data, profiles, output, event.data.siting, {
        onProgress: (fraction) => post({ type: 'progress', runId, phase: 'siting', fraction }),
      });
      if (found) siting = found;
    }
    post({ type: 'result', runId, result: { ...output, equity, ...(siting ? { siting } : {}) } });
  } catch (error) {
    post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
  }
};
