/// <reference lib="webworker" />
import { runCoverage, type CoverageData } from '../../../core/coverage/run-coverage';
import { equitySummary } from '../../../core/equity/equity-summary';
import { siteFacilities, type SitingResult } from '../../../core/equity/siting';
import { twoStepFca } from '../../../core/equity/two-step-fca';
import { decodePopulationGrid } from '../../../core/population/grid-codec';
import { decodeRoutingGraph } from '../../../core/routing/graph';
import { DATA_FILES } from '../../../shared/data-contract';
import type { CoverageOutput, RunMessage, WorkerMessage } from './worker-protocol';
import type { FeatureCollection } from 'geojson';
import type { PopulationGrid } from '../../../shared/coverage';

/** Populated cells with their 2SFCA value, classed into quintiles of people for a readable map. */
function accessibilityPoints(grid: PopulationGrid, accessibility: Float64Array): FeatureCollection {
  const cells: number[] = [];
  for (let i = 0; i < accessibility.length; i++) if (grid.population[i]! > 0) cells.push(i);
  const sorted = cells.map((i) => accessibility[i]!).sort((a, b) => a - b);
  const breaks = [0.2, 0.4, 0.6, 0.8].map((q) => sorted[Math.floor(q * (sorted.length - 1))] ?? 0);
  return {
    type: 'FeatureCollection',
    features: cells.map((i) => {
      const a = accessibility[i]!;
      return {
        type: 'Feature',
        properties: { a: Math.round(a * 1000) / 1000, q: breaks.filter((b) => a > b).length },
        geometry: { type: 'Point', coordinates: [grid.lon[i]!, grid.lat[i]!] },
      };
    }),
  };
}

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
    let twoStep: CoverageOutput['twoStep'];
    const supply = event.data.twoStep;
    if (supply && !event.data.preview) {
      const thresholds = request.method === 'network' ? request.thresholdsMin : request.radiiM;
      const circle = thresholds[thresholds.length - 1]!;
      const found = twoStepFca(data, profiles, {
        method: request.method,
        ...(request.method === 'network'
          ? { profile: request.profile, catchmentMinutes: circle }
          : { catchmentM: circle }),
        facilities: supply.supply,
        per: supply.per,
      });
      if (found) {
        const { accessibility, ...rest } = found;
        twoStep = { result: rest, field: supply.field, cells: accessibilityPoints(data.grid, accessibility) };
      }
    }
    post({
      type: 'result',
      runId,
      result: { ...output, equity, ...(siting ? { siting } : {}), ...(twoStep ? { twoStep } : {}) },
    });
  } catch (error) {
    post({ type: 'error', runId, message: error instanceof Error ? error.message : String(error) });
  }
};
