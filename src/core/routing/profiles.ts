/** Travel time per directed CSR entry for a travel profile (speeds by road class, km/h). */
import { ROAD_CLASSES } from '../../shared/data-contract';
import type { TravelProfileSpec } from '../../shared/travel-profiles';
import type { RoutingGraph } from './graph';

/** Seconds per metre for each ROAD_CLASSES index; Infinity where the profile may not use the class. */
export function secondsPerMetreByClass(spec: TravelProfileSpec): Float64Array {
  return Float64Array.from(ROAD_CLASSES, (roadClass) => {
    const kmh = spec.speedsKmh[roadClass];
    if (kmh === null) return Infinity;
    if (typeof kmh !== 'number' || !Number.isFinite(kmh) || kmh <= 0) {
      throw new RangeError(`speed for ${roadClass} must be a positive number of km/h or null, got ${String(kmh)}`);
    }
    return 3.6 / kmh;
  });
}

/**
 * Seconds to traverse each directed entry (same indexing as graph.targets): length / speed of the
 * edge's road class; Infinity where that class is null (not allowed) for the profile. Symmetric:
 * both entries of an edge get the same value.
 */
export function edgeSeconds(graph: RoutingGraph, spec: TravelProfileSpec): Float32Array {
  const perMetre = secondsPerMetreByClass(spec);
  const perEdge = new Float32Array(graph.edgeCount);
  for (let k = 0; k < graph.edgeCount; k++) {
    perEdge[k] = (graph.lengthM[k] ?? 0) * (perMetre[graph.roadClass[k] ?? 0] ?? Infinity);
  }
  const seconds = new Float32Array(graph.targets.length);
  for (let j = 0; j < seconds.length; j++) seconds[j] = perEdge[graph.edgeId[j] ?? 0] ?? Infinity;
  return seconds;
}

/** 1 for nodes with at least one finite entry (usable as a start or end point), else 0. */
export function nodesWithFiniteEdge(graph: RoutingGraph, seconds: Float32Array): Uint8Array {
  const usable = new Uint8Array(graph.nodeCount);
  for (let u = 0; u < graph.nodeCount; u++) {
    const end = graph.offsets[u + 1] ?? 0;
    for (let j = graph.offsets[u] ?? 0; j < end; j++) {
      if ((seconds[j] ?? Infinity) < Infinity) {
        usable[u] = 1;
        break;
      }
    }
  }
  return usable;
}
