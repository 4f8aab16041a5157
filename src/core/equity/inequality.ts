/**
 * Inequality of access across people: a population-weighted Gini coefficient, its Lorenz curve and
 * the Theil T index with its exact between/within-group decomposition.
 *
 * The quantity is TRAVEL TIME (minutes; metres for a radius run), weighted by the people of each
 * cell. Not 1/time, because:
 * - 1/time is unbounded next to a facility: a cell 0.5 min away weighs 180 times a cell 90 min
 *   away, so the index would mostly measure how close the few nearest residents live, not how far
 *   behind the remote ones are, and it would jump when a facility snaps one node closer;
 * - time is the unit planners read off the map, and the Gini of time is invariant to the unit
 *   (minutes or metres), so radius and network runs are read the same way;
 * - Gini, Lorenz and Theil all use the same values, and Gini = 1 − 2 × (area under the Lorenz
 *   curve) exactly, so the number shown next to the curve is the curve's own.
 * Travel time is a "bad": the Lorenz curve sorts people from the shortest trip to the longest, so it
 * reads "the x % of people best served bear y % of all travel time" (y ≤ x, below the diagonal).
 *
 * People beyond the service circle: the engine's search stops at the circle, so their times are
 * unknown (Infinity) or only known because of a long access walk. `accessTimes` either CAPS them
 * (everybody beyond the circle counts as `capMinutes`, default twice the circle; all of them, so
 * the result does not depend on where the bounded search happened to stop) or EXCLUDES them
 * (inequality among the covered people only). Cells with no people (or NaN) carry no weight.
 *
 * Definitions (weights w_i ≥ 0, values x_i ≥ 0, W = Σ w, μ = Σ w x / W):
 * - Gini G = Σ_i Σ_j w_i w_j |x_i − x_j| / (2 W² μ); computed after one sort as
 *   G = Σ_i w_i x_i (2 C_i − w_i − W) / (W Σ w x), C_i = cumulative weight up to and including i.
 *   Each cell is one block of people at one value, so n equal units where one holds everything give
 *   (n − 1)/n. G = 0 when μ = 0; NaN when W = 0.
 * - Lorenz curve: L(p) = share of Σ w x held by the fraction p of the weight with the smallest
 *   values; piecewise linear between cells, sampled at p = k/(points − 1). L(p) = p when μ = 0.
 * - Theil T = (1/W) Σ w_i (x_i/μ) ln(x_i/μ), with 0 · ln 0 = 0; one unit of n holding everything gives
 *   ln n. With groups g (weights W_g, means μ_g, indices T_g) and s_g = W_g μ_g / (W μ), the share of
 *   the total held by g: T = Σ s_g ln(μ_g/μ) [between] + Σ s_g T_g [within], exactly.
 */

export type BeyondRule =
  /** Everybody beyond the circle counts as capMinutes (> the circle). */
  | { kind: 'cap'; capMinutes: number }
  /** People beyond the circle are left out (inequality among the covered). */
  | { kind: 'exclude' };

export interface AccessTimes {
  /** Per cell: the value used (capped or not); 0 where the weight is 0. */
  values: Float64Array;
  /** Per cell: people counted (0 for excluded, empty or NaN cells). */
  weights: Float64Array;
  /** People beyond the circle, given the cap. */
  cappedPopulation: number;
  /** People beyond the circle, left out. */
  excludedPopulation: number;
}

/** The default cap: twice the circle. */
export function defaultBeyondRule(circle: number): BeyondRule {
  return { kind: 'cap', capMinutes: 2 * circle };
}

/**
 * Per-cell values and weights for the indices: minutes ≤ circle as they are (negative → 0),
 * beyond the circle (incl. Infinity and NaN minutes) by the rule.
 */
export function accessTimes(
  cellMinutes: ArrayLike<number>,
  population: ArrayLike<number>,
  circle: number,
  rule: BeyondRule = defaultBeyondRule(circle),
): AccessTimes {
  const n = population.length;
  if (cellMinutes.length !== n) throw new Error(`accessTimes: ${cellMinutes.length} minutes for ${n} cells`);
  if (!(circle > 0) || !Number.isFinite(circle)) throw new Error(`accessTimes: bad circle ${circle}`);
  if (rule.kind === 'cap' && !(rule.capMinutes > circle && Number.isFinite(rule.capMinutes)))
    throw new Error(`accessTimes: the cap (${rule.capMinutes}) must be finite and beyond the circle (${circle})`);
  const values = new Float64Array(n);
  const weights = new Float64Array(n);
  let cappedPopulation = 0;
  let excludedPopulation = 0;
  for (let i = 0; i < n; i++) {
    const w = population[i] as number;
    if (!(w > 0)) continue;
    const m = cellMinutes[i] as number;
    if (m <= circle) {
      values[i] = m > 0 ? m : 0;
      weights[i] = w;
    } else if (rule.kind === 'cap') {
      values[i] = rule.capMinutes;
      weights[i] = w;
      cappedPopulation += w;
    } else {
      excludedPopulation += w;
    }
  }
  return { values, weights, cappedPopulation, excludedPopulation };
}

function check(values: ArrayLike<number>, weights: ArrayLike<number>, who: string): void {
  if (values.length !== weights.length) throw new Error(`${who}: ${values.length} values, ${weights.length} weights`);
  for (let i = 0; i < values.length; i++) {
    const w = weights[i] as number;
    if (!(w >= 0) || w === Infinity) throw new Error(`${who}: weight ${i} is ${w}`);
    if (w > 0 && !((values[i] as number) >= 0 && (values[i] as number) < Infinity))
      throw new Error(`${who}: value ${i} is ${values[i]} (values must be finite and ≥ 0)`);
  }
}

/**
 * Indices of the weighted units (w > 0), sorted by value (ties in index order). When every value is
 * a Float32 (as travel minutes are) and there are < 2^21 units, one native sort of packed keys
 * (float bits · 2^21 + index, exact in a double; non-negative floats sort like their bits) does it;
 * otherwise a comparator sort.
 */
export function sortByValue(values: ArrayLike<number>, weights: ArrayLike<number>): Uint32Array {
  let count = 0;
  let float32 = true;
  for (let i = 0; i < weights.length; i++) {
    if (!((weights[i] as number) > 0)) continue;
    count++;
    const v = values[i] as number;
    if (Math.fround(v) !== v) float32 = false;
  }
  const order = new Uint32Array(count);
  let k = 0;
  for (let i = 0; i < weights.length; i++) if ((weights[i] as number) > 0) order[k++] = i;
  const IDX_BITS = 21;
  if (!float32 || weights.length > 2 ** IDX_BITS) {
    const v = Float64Array.from(values);
    return order.sort((a, b) => (v[a] as number) - (v[b] as number) || a - b);
  }
  const bits = new Uint32Array(1);
  const asFloat = new Float32Array(bits.buffer);
  const scale = 2 ** IDX_BITS;
  const keys = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const i = order[j] as number;
    asFloat[0] = (values[i] as number) + 0; // −0 → +0
    keys[j] = (bits[0] as number) * scale + i;
  }
  keys.sort();
  for (let j = 0; j < count; j++) order[j] = (keys[j] as number) % scale;
  return order;
}

export interface LorenzCurve {
  /** Cumulative share of people, 0 … 1 (evenly spaced). */
  population: number[];
  /** Cumulative share of the quantity (travel time) held by them, 0 … 1. */
  quantity: number[];
}

export interface GiniLorenz {
  gini: number;
  lorenz: LorenzCurve;
  /** Σ w (people counted) and the weighted mean value. */
  population: number;
  mean: number;
}

/**
 * Gini coefficient and Lorenz curve (`points` samples, ≥ 2) from one sort. `order` (optional):
 * the units to use, already sorted by value (e.g. a subset of sortByValue's answer, for one group).
 */
export function giniLorenz(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  points = 101,
  order: Uint32Array = sortByValue(values, weights),
): GiniLorenz {
  check(values, weights, 'gini');
  if (!Number.isInteger(points) || points < 2) throw new Error(`gini: points must be an integer ≥ 2, got ${points}`);
  let W = 0;
  let S = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    W += weights[i] as number;
    S += (weights[i] as number) * (values[i] as number);
  }
  const pop = Array.from({ length: points }, (_, k) => k / (points - 1));
  if (!(W > 0))
    return { gini: NaN, lorenz: { population: pop, quantity: pop.map(() => NaN) }, population: 0, mean: NaN };
  if (!(S > 0)) return { gini: 0, lorenz: { population: pop, quantity: [...pop] }, population: W, mean: 0 };

  let acc = 0;
  let C = 0;
  const quantity = new Array<number>(points).fill(1);
  quantity[0] = 0;
  let next = 1;
  let sBefore = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    const w = weights[i] as number;
    const x = values[i] as number;
    const cBefore = C;
    C += w;
    acc += w * x * (2 * C - w - W);
    // Lorenz samples whose population target falls inside this unit's block.
    while (next < points - 1 && ((pop[next] as number) * W <= C || k === order.length - 1)) {
      const target = Math.min((pop[next] as number) * W, C);
      quantity[next] = (sBefore + (target - cBefore) * x) / S;
      next++;
    }
    sBefore += w * x;
  }
  const gini = Math.min(1, Math.max(0, acc / (W * S)));
  return { gini, lorenz: { population: pop, quantity }, population: W, mean: S / W };
}

export function gini(values: ArrayLike<number>, weights: ArrayLike<number>): number {
  return giniLorenz(values, weights, 2).gini;
}

export interface TheilGroup {
  /** People in the group (Σ w). */
  population: number;
  /** Weighted mean value (NaN when the group is empty). */
  mean: number;
  /** The group's own Theil T (0 when empty or μ_g = 0). */
  theil: number;
  /** s_g: the group's share of Σ w x. */
  share: number;
}

export interface TheilDecomposition {
  total: number;
  between: number;
  within: number;
  /** One entry per group index 0 … groupCount − 1. */
  groups: TheilGroup[];
}

const xlnx = (r: number): number => (r > 0 ? r * Math.log(r) : 0);

/**
 * Theil T of the values and its decomposition over groups (group index per unit, 0 … groupCount−1;
 * omit `groups` for one group). NaN everywhere when there is no weight.
 */
export function theil(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  groups?: ArrayLike<number>,
  groupCount = 1,
): TheilDecomposition {
  check(values, weights, 'theil');
  if (groups && groups.length !== values.length) throw new Error(`theil: ${groups.length} group labels`);
  if (!Number.isInteger(groupCount) || groupCount < 1) throw new Error(`theil: bad group count ${groupCount}`);
  const n = values.length;
  const Wg = new Float64Array(groupCount);
  const Sg = new Float64Array(groupCount);
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    if (!(w > 0)) continue;
    const g = groups ? (groups[i] as number) : 0;
    if (!Number.isInteger(g) || g < 0 || g >= groupCount) throw new Error(`theil: unit ${i} has group ${g}`);
    Wg[g] = (Wg[g] as number) + w;
    Sg[g] = (Sg[g] as number) + w * (values[i] as number);
  }
  let W = 0;
  let S = 0;
  for (let g = 0; g < groupCount; g++) {
    W += Wg[g] as number;
    S += Sg[g] as number;
  }
  if (!(W > 0)) {
    const empty = { population: 0, mean: NaN, theil: NaN, share: NaN };
    return { total: NaN, between: NaN, within: NaN, groups: Array.from({ length: groupCount }, () => ({ ...empty })) };
  }
  const mu = S / W;
  const muG = Array.from(Wg, (w, g) => (w > 0 ? (Sg[g] as number) / w : NaN));
  // Σ w x/μ_g ln(x/μ_g) per group, and the same against the overall mean.
  const sumG = new Float64Array(groupCount);
  let sumTotal = 0;
  if (mu > 0) {
    for (let i = 0; i < n; i++) {
      const w = weights[i] as number;
      if (!(w > 0)) continue;
      const x = values[i] as number;
      const g = groups ? (groups[i] as number) : 0;
      const m = muG[g] as number;
      sumTotal += w * xlnx(x / mu);
      if (m > 0) sumG[g] = (sumG[g] as number) + w * xlnx(x / m);
    }
  }
  const total = mu > 0 ? sumTotal / W : 0;
  let between = 0;
  let within = 0;
  const out: TheilGroup[] = [];
  for (let g = 0; g < groupCount; g++) {
    const w = Wg[g] as number;
    const m = muG[g] as number;
    const share = S > 0 ? (Sg[g] as number) / S : 0;
    const tg = w > 0 && m > 0 ? (sumG[g] as number) / w : 0;
    if (share > 0) {
      between += share * Math.log(m / mu);
      within += share * tg;
    }
    out.push({ population: w, mean: m, theil: tg, share: w > 0 ? share : 0 });
  }
  return { total, between, within, groups: out };
}
