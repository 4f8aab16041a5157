/**
 * One facility's catchment on the grid: a bounded single-source search from the road node the
 * facility snaps to, then the cells whose total time (facility access walk + road + cell access
 * walk) is within the limit. Times and the "within" rule are exactly those of a coverage run
 * (run-coverage.ts / incremental.ts): minutes are rounded to Float32 as the run stores them and a
 * cell is inside when minutes ≤ limit, so a catchment is the circle a run with this facility alone
 * would draw.
 */
import type { TravelProfile } from '../../shared/coverage';
import type { TravelProfileSpec } from '../../shared/travel-profiles';
import { profileContext, type CoverageData, type ProfileContext } from '../coverage/run-coverage';
import { multiSourceSearch } from '../routing/multi-source';

export interface SnappedSite {
  /** Road node the site joins the network at. */
  node: number;
  /** Straight-line metres to it and the walk in seconds at the profile's access speed. */
  distanceM: number;
  accessSeconds: number;
  /** The node is not on the network's main component. */
  isolated: boolean;
}

export interface CatchmentSearch {
  ctx: ProfileContext;
  accessMps: number;
}

export function catchmentSearch(data: CoverageData, profile: TravelProfile, spec: TravelProfileSpec): CatchmentSearch {
  return { ctx: profileContext(data, profile, spec), accessMps: (spec.accessKmh * 1000) / 3600 };
}

/** Where a facility at (lon, lat) joins the road network (same snapping as a coverage run); null when it cannot. */
export function snapSite(search: CatchmentSearch, lon: number, lat: number): SnappedSite | null {
  const hit = search.ctx.nodeIndex.nearest(lon, lat);
  if (!hit) return null;
  return {
    node: hit.node,
    distanceM: hit.distanceM,
    accessSeconds: hit.distanceM / search.accessMps,
    isolated: search.ctx.component[hit.node] !== search.ctx.mainComponent,
  };
}

/**
 * Cells within `limitMinutes` of a snapped site, among `cells` (grid indices; default every cell),
 * with their minutes. Output cells keep the input order.
 */
export function catchmentCells(
  data: CoverageData,
  search: CatchmentSearch,
  site: SnappedSite,
  limitMinutes: number,
  cells?: Uint32Array,
): { cells: Uint32Array; minutes: Float32Array } {
  const { ctx } = search;
  const result = multiSourceSearch(
    data.graph,
    ctx.seconds,
    [{ node: site.node, seconds: site.accessSeconds, source: 0 }],
    {
      maxSeconds: limitMinutes * 60,
    },
  );
  const count = cells ? cells.length : data.grid.population.length;
  const outCells: number[] = [];
  const outMinutes: number[] = [];
  const minute = new Float32Array(1);
  for (let k = 0; k < count; k++) {
    const i = cells ? (cells[k] as number) : k;
    const node = ctx.cellNode[i] as number;
    if (node < 0) continue;
    const t = result.bestSeconds[node] as number;
    if (t === Infinity) continue;
    minute[0] = (t + (ctx.cellAccessSeconds[i] as number)) / 60;
    if ((minute[0] as number) <= limitMinutes) {
      outCells.push(i);
      outMinutes.push(minute[0] as number);
    }
  }
  return { cells: Uint32Array.from(outCells), minutes: Float32Array.from(outMinutes) };
}
