/**
 * The Zhejiang–Fujian border as lines. The DCW polygons do not share vertices (each province was
 * traced on its own), and drawing their outlines would also draw DCW's crude 1:1M coastline and the
 * clip-box edges. So the border is taken as the part of one outline that runs next to the other.
 */
import type { Feature, LineString, Position } from 'geojson';
import type { Bbox } from './geo-math';
import { lineLengthKm } from './geo-math';

type Ring = Position[];

const CELL = 0.005;

function cellKey(x: number, y: number): string {
  return `${Math.floor(x / CELL)},${Math.floor(y / CELL)}`;
}

class VertexGrid {
  private readonly cells = new Map<string, Position[]>();

  constructor(rings: readonly Ring[]) {
    for (const ring of rings) {
      for (const p of ring) {
        const key = cellKey(p[0] ?? 0, p[1] ?? 0);
        const list = this.cells.get(key);
        if (list) list.push(p);
        else this.cells.set(key, [p]);
      }
    }
  }

  /** Is any vertex within `tolerance` degrees (tolerance ≤ CELL)? */
  near(p: Position, tolerance: number): boolean {
    const [x = 0, y = 0] = p;
    const cx = Math.floor(x / CELL);
    const cy = Math.floor(y / CELL);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const q of this.cells.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (Math.hypot((q[0] ?? 0) - x, (q[1] ?? 0) - y) <= tolerance) return true;
        }
      }
    }
    return false;
  }
}

function onBoxEdge(p: Position, box: Bbox): boolean {
  const eps = 1e-6;
  const [x = 0, y = 0] = p;
  return (
    Math.abs(x - box[0]) < eps || Math.abs(y - box[1]) < eps || Math.abs(x - box[2]) < eps || Math.abs(y - box[3]) < eps
  );
}

/**
 * Runs of `rings` that stay within `toleranceDeg` of a vertex of `other`, away from the clip box,
 * as lines of at least `minKm`.
 */
export function sharedBorder(
  rings: readonly Ring[],
  other: readonly Ring[],
  clipBox: Bbox,
  toleranceDeg = 0.004,
  minKm = 1,
): Feature<LineString, Record<string, string>>[] {
  const grid = new VertexGrid(other);
  const lines: Position[][] = [];
  for (const ring of rings) {
    let run: Position[] = [];
    const flush = () => {
      if (run.length >= 2 && lineLengthKm(run) >= minKm) lines.push(run);
      run = [];
    };
    for (const p of ring) {
      if (!onBoxEdge(p, clipBox) && grid.near(p, toleranceDeg)) run.push([p[0] ?? 0, p[1] ?? 0]);
      else flush();
    }
    flush();
  }
  return lines.map((coordinates) => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'LineString', coordinates },
  }));
}
