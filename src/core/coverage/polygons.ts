/**
 * Coverage bands as polygons: one MultiPolygon per band, the dissolved union of the grid cells in
 * that band (band rule: bands.ts), traced along grid edges in O(cells) — no polygon clipping.
 *
 * 1. Cells in a band are split into 4-connected components (cells touching only at a corner are
 *    separate polygons that touch at that point).
 * 2. Every cell side whose neighbour is not in the band is a boundary edge, directed so the band is
 *    on its left: exteriors run counter-clockwise, holes clockwise (RFC 7946).
 * 3. Edges are chained into closed walks. At a vertex where two walks meet (two diagonal cells),
 *    the walk turns left, i.e. stays around the cell it came along (this is what keeps diagonal
 *    cells apart). A walk that passes a vertex twice (an enclosed gap touching the outside at a
 *    corner) is cut there into simple rings, so no ring touches itself; a hole may touch its
 *    exterior or another hole at a single vertex, which simple-features validity allows.
 * 4. Counter-clockwise rings are exteriors, clockwise ones holes; a ring belongs to the component of
 *    the cell on its left. Collinear vertices are dropped; corners are exact (cells are lon/lat
 *    boxes in the grid projection) and rounded to 6 decimals, so neighbouring bands share vertices.
 *
 * Every grid cell counts, with or without people; places with no cell (no roads in the model) are
 * outside every band.
 */
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import type { PopulationGrid } from '../../shared/coverage';
import { gridLookup } from '../population/grid';
import { cornerLat, cornerLon } from '../population/projection';
import { cellBands } from './bands';

export interface BandProperties {
  /** 0-based band index: band k holds minutes in [fromMin, toMin) (the last band: [fromMin, toMin]). */
  band: number;
  fromMin: number;
  toMin: number;
  /** People in the band's cells. */
  population: number;
  /** Grid cells in the band. */
  cells: number;
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6 + 0;
}

// Directions: 0 east, 1 north, 2 west, 3 south; turning left is +1.
const E = 0;
const N = 1;
const W = 2;
const S = 3;

export function coverageBands(
  grid: PopulationGrid,
  cellMinutes: Float32Array,
  thresholdsMin: number[],
): FeatureCollection<MultiPolygon, BandProperties> {
  const n = grid.population.length;
  if (cellMinutes.length !== n) throw new Error(`coverageBands: cellMinutes must have ${n} entries`);
  const bandOf = cellBands(cellMinutes, thresholdsMin);
  const nb = thresholdsMin.length;
  const lookup = gridLookup(grid);
  const { minCol, minRow, width, height, index } = lookup;

  // Cells bucketed by band (counting sort keeps grid order inside a band: deterministic output).
  const start = new Int32Array(nb + 2);
  for (let i = 0; i < n; i++) {
    const k = (bandOf[i] as number) + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let b = 0; b <= nb; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  const fill = start.slice(0, nb + 1);
  const bucket = new Int32Array(n);
  const population = new Float64Array(nb + 1);
  for (let i = 0; i < n; i++) {
    const b = bandOf[i] as number;
    const at = fill[b] as number;
    bucket[at] = i;
    fill[b] = at + 1;
    population[b] = (population[b] as number) + (grid.population[i] as number);
  }

  const vw = width + 1;
  const vh = height + 1;
  const step = [1, vw, -1, -vw];
  const outMask = new Uint8Array(vw * vh);
  const remaining = new Uint8Array(vw * vh);
  const pos = new Int32Array(vw * vh).fill(-1);
  const comp = new Int32Array(n).fill(-1);
  const walk = new Int32Array(4 * n + 4);
  const path = new Int32Array(4 * n + 4);
  const queue = new Int32Array(n);
  const lonAt = new Float64Array(vw);
  const latAt = new Float64Array(vh);
  for (let c = 0; c < vw; c++) lonAt[c] = round6(cornerLon(grid.origin, grid.cellSizeM, minCol + c));
  for (let r = 0; r < vh; r++) latAt[r] = round6(cornerLat(grid.origin, grid.cellSizeM, minRow + r));

  /** Cell index at local (c, r) if it is in band b, else −1. */
  const inBand = (c: number, r: number, b: number): number => {
    if (c < 0 || r < 0 || c >= width || r >= height) return -1;
    const i = index[r * width + c] as number;
    return i >= 0 && bandOf[i] === b ? i : -1;
  };

  const features: Feature<MultiPolygon, BandProperties>[] = [];
  for (let b = 0; b < nb; b++) {
    const from = start[b] as number;
    const to = start[b + 1] as number;

    // 1. 4-connected components.
    let components = 0;
    for (let k = from; k < to; k++) {
      const seed = bucket[k] as number;
      if ((comp[seed] as number) >= 0) continue;
      const id = components++;
      comp[seed] = id;
      let head = 0;
      let tail = 0;
      queue[tail++] = seed;
      while (head < tail) {
        const i = queue[head++] as number;
        const c = (grid.col[i] as number) - minCol;
        const r = (grid.row[i] as number) - minRow;
        for (let d = 0; d < 4; d++) {
          const j = inBand(c + (d === E ? 1 : d === W ? -1 : 0), r + (d === N ? 1 : d === S ? -1 : 0), b);
          if (j >= 0 && (comp[j] as number) < 0) {
            comp[j] = id;
            queue[tail++] = j;
          }
        }
      }
    }

    // 2. Directed boundary edges, band on the left, as bit masks on their start vertex.
    const touched: number[] = [];
    const mark = (v: number, d: number): void => {
      if (outMask[v] === 0) touched.push(v);
      outMask[v] = (outMask[v] as number) | (1 << d);
    };
    for (let k = from; k < to; k++) {
      const i = bucket[k] as number;
      const c = (grid.col[i] as number) - minCol;
      const r = (grid.row[i] as number) - minRow;
      const v = r * vw + c;
      if (inBand(c, r - 1, b) < 0) mark(v, E);
      if (inBand(c + 1, r, b) < 0) mark(v + 1, N);
      if (inBand(c, r + 1, b) < 0) mark(v + vw + 1, W);
      if (inBand(c - 1, r, b) < 0) mark(v + vw, S);
    }
    for (const v of touched) remaining[v] = outMask[v] as number;

    // 3–4. Walks → simple rings → polygons per component.
    const exteriors: (Position[] | undefined)[] = new Array<Position[] | undefined>(components);
    const holes: Position[][][] = Array.from({ length: components }, () => []);

    const emitRing = (ring: Int32Array, len: number): void => {
      // Orientation (twice the signed area, exact in integer vertex coordinates).
      let area2 = 0;
      for (let k = 0; k < len; k++) {
        const a = ring[k] as number;
        const z = ring[(k + 1) % len] as number;
        area2 += (a % vw) * Math.floor(z / vw) - (z % vw) * Math.floor(a / vw);
      }
      // The component of the cell left of the first edge.
      const a = ring[0] as number;
      const z = ring[1 % len] as number;
      const ax = a % vw;
      const ay = Math.floor(a / vw);
      const d = z - a === 1 ? E : z - a === vw ? N : z - a === -1 ? W : S;
      const lc = d === E || d === S ? ax : ax - 1;
      const lr = d === E || d === N ? ay : ay - 1;
      const cell = inBand(lc, lr, b);
      if (cell < 0) throw new Error('coverageBands: traced ring has no band cell on its left (internal error)');
      const id = comp[cell] as number;
      // Keep only corners.
      const coords: Position[] = [];
      for (let k = 0; k < len; k++) {
        const prev = ring[(k + len - 1) % len] as number;
        const cur = ring[k] as number;
        const next = ring[(k + 1) % len] as number;
        if (cur - prev === next - cur) continue;
        coords.push([lonAt[cur % vw] as number, latAt[Math.floor(cur / vw)] as number]);
      }
      coords.push(coords[0] as Position);
      if (area2 > 0) {
        if (exteriors[id]) throw new Error('coverageBands: two exteriors for one component (internal error)');
        exteriors[id] = coords;
      } else {
        holes[id]?.push(coords);
      }
    };

    for (const v0 of touched) {
      while ((remaining[v0] as number) !== 0) {
        const m0 = remaining[v0] as number;
        const d0 = m0 & 1 ? E : m0 & 2 ? N : m0 & 4 ? W : S;
        let len = 0;
        let v = v0;
        let d = d0;
        do {
          remaining[v] = (remaining[v] as number) & ~(1 << d);
          walk[len++] = v;
          v += step[d] as number;
          const mask = outMask[v] as number;
          const left = (d + 1) & 3;
          const right = (d + 3) & 3;
          if (mask & (1 << left)) d = left;
          else if (!(mask & (1 << d))) {
            if (!(mask & (1 << right))) throw new Error('coverageBands: open boundary (internal error)');
            d = right;
          }
        } while (v !== v0 || d !== d0);

        // Cut the closed walk at repeated vertices into simple rings.
        let top = 0;
        for (let k = 0; k < len; k++) {
          const u = walk[k] as number;
          const p = pos[u] as number;
          if (p >= 0) {
            emitRing(path.subarray(p), top - p);
            for (let q = p + 1; q < top; q++) pos[path[q] as number] = -1;
            top = p + 1;
          } else {
            pos[u] = top;
            path[top++] = u;
          }
        }
        emitRing(path, top);
        for (let q = 0; q < top; q++) pos[path[q] as number] = -1;
      }
    }
    for (const v of touched) outMask[v] = 0;

    const polygons: Position[][][] = [];
    for (let id = 0; id < components; id++) {
      const exterior = exteriors[id];
      if (!exterior) throw new Error('coverageBands: component without exterior (internal error)');
      polygons.push([exterior, ...(holes[id] ?? [])]);
    }
    features.push({
      type: 'Feature',
      properties: {
        band: b,
        fromMin: b === 0 ? 0 : (thresholdsMin[b - 1] as number),
        toMin: thresholdsMin[b] as number,
        population: population[b] as number,
        cells: to - from,
      },
      geometry: { type: 'MultiPolygon', coordinates: polygons },
    });
  }
  return { type: 'FeatureCollection', features };
}
