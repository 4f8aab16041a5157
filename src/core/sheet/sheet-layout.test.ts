import { describe, expect, it } from 'vitest';
import { layoutSheet, MAX_PROVENANCE_LINES, tableRowCount, type RectMm, type SheetLayout } from './sheet-layout';
import type { LegendEntry, Orientation, Paper, SheetDpi, SheetSpec } from './sheet-spec';
import { SAMPLE_LEGEND, SAMPLE_PROVENANCE, sampleSpec } from './test-fixtures';

const EPS = 1e-6;

function inside(inner: RectMm, r: RectMm): boolean {
  return (
    r.x >= inner.x - EPS &&
    r.y >= inner.y - EPS &&
    r.x + r.w <= inner.x + inner.w + EPS &&
    r.y + r.h <= inner.y + inner.h + EPS
  );
}

function overlap(a: RectMm, b: RectMm): boolean {
  return a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
}

function topLevel(l: SheetLayout): [string, RectMm][] {
  const boxes: [string, RectMm | undefined][] = [
    ['title', l.title],
    ['subtitle', l.subtitle],
    ['map', l.map],
    ['legend', l.legend],
    ['scaleBar', l.scaleBar],
    ['northArrow', l.northArrow],
    ['date', l.date],
    ['provenance', l.provenance],
    ['table', l.table],
    ['lorenz', l.lorenz],
  ];
  return boxes.filter((b): b is [string, RectMm] => b[1] !== undefined);
}

function legendOf(n: number): LegendEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    ...(SAMPLE_LEGEND[i % SAMPLE_LEGEND.length] as LegendEntry),
    label: `图例项 ${i + 1} ${'很长的标签'.repeat(i % 3)}`,
  }));
}

interface Combo {
  paper: Paper;
  orientation: Orientation;
  dpi: SheetDpi;
  table: boolean;
  lorenz: boolean;
  subtitle: boolean;
  legend: number;
  provenance: number;
}

function combos(): Combo[] {
  const out: Combo[] = [];
  for (const paper of ['A4', 'A3'] as const)
    for (const orientation of ['portrait', 'landscape'] as const)
      for (const dpi of [150, 300] as const)
        for (const table of [false, true])
          for (const lorenz of [false, true])
            for (const subtitle of [false, true])
              for (const legend of [0, 1, 5, 12, 40])
                for (const provenance of [0, 4, 12])
                  out.push({ paper, orientation, dpi, table, lorenz, subtitle, legend, provenance });
  return out;
}

function specFor(c: Combo): SheetSpec {
  const spec = sampleSpec({ paper: c.paper, orientation: c.orientation, dpi: c.dpi, table: c.table, lorenz: c.lorenz });
  if (!c.subtitle) delete spec.subtitle;
  spec.legend = legendOf(c.legend);
  spec.provenance = Array.from(
    { length: c.provenance },
    (_, i) => SAMPLE_PROVENANCE[i % SAMPLE_PROVENANCE.length] ?? '',
  );
  return spec;
}

const name = (c: Combo) => JSON.stringify(c);

describe('layoutSheet', () => {
  it('gives the page size of the paper and orientation', () => {
    expect(layoutSheet(sampleSpec({ paper: 'A4', orientation: 'portrait' })).pageMm).toEqual({ w: 210, h: 297 });
    expect(layoutSheet(sampleSpec({ paper: 'A4', orientation: 'landscape' })).pageMm).toEqual({ w: 297, h: 210 });
    expect(layoutSheet(sampleSpec({ paper: 'A3', orientation: 'portrait' })).pageMm).toEqual({ w: 297, h: 420 });
    expect(layoutSheet(sampleSpec({ paper: 'A3', orientation: 'landscape' })).pageMm).toEqual({ w: 420, h: 297 });
  });

  it('keeps every box inside the margins and no two boxes overlapping, for every option combination', () => {
    const all = combos();
    expect(all.length).toBe(960);
    for (const c of all) {
      const spec = specFor(c);
      const l = layoutSheet(spec);
      const inner = { x: l.marginMm, y: l.marginMm, w: l.pageMm.w - 2 * l.marginMm, h: l.pageMm.h - 2 * l.marginMm };
      const boxes = topLevel(l);
      for (const [key, r] of boxes) {
        expect(r.w, `${key} width ${name(c)}`).toBeGreaterThan(0);
        expect(r.h, `${key} height ${name(c)}`).toBeGreaterThan(0);
        expect(inside(inner, r), `${key} outside the margins ${name(c)}`).toBe(true);
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, ra] = boxes[i]!;
          const [b, rb] = boxes[j]!;
          expect(overlap(ra, rb), `${a} overlaps ${b} ${name(c)}`).toBe(false);
        }
      // Parts within their boxes.
      expect(inside(l.legend, l.legendHeading)).toBe(true);
      for (const item of l.legendItems) {
        expect(inside(l.legend, item.swatch), `legend swatch ${name(c)}`).toBe(true);
        expect(inside(l.legend, item.label), `legend label ${name(c)}`).toBe(true);
        expect(overlap(item.swatch, item.label)).toBe(false);
        expect(overlap(item.swatch, l.legendHeading)).toBe(false);
      }
      for (let i = 0; i < l.legendItems.length; i++)
        for (let j = i + 1; j < l.legendItems.length; j++)
          expect(overlap(l.legendItems[i]!.label, l.legendItems[j]!.label), `legend labels ${name(c)}`).toBe(false);
      expect(l.legendItems.length + l.legendOmitted).toBe(c.legend);
      for (const line of l.provenanceLines) expect(inside(l.provenance, line)).toBe(true);
      expect(l.provenanceLines.length).toBe(Math.min(c.provenance, MAX_PROVENANCE_LINES));
      expect(l.scale.lengthMm).toBeLessThanOrEqual(l.scaleBar.w);
      expect(l.table !== undefined).toBe(c.table);
      expect(l.lorenz !== undefined).toBe(c.lorenz);
      if (l.lorenz) {
        expect(inside(l.lorenz, l.lorenzPlot!), `lorenz plot ${name(c)}`).toBe(true);
        expect(inside(l.lorenz, l.lorenzCaption!), `lorenz caption ${name(c)}`).toBe(true);
        expect(overlap(l.lorenzPlot!, l.lorenzCaption!)).toBe(false);
        expect(l.lorenzPlot!.w).toBeCloseTo(l.lorenzPlot!.h, 9);
        expect(l.lorenzPlot!.w).toBeGreaterThan(30);
      }
      // Every table row fits: title + header + 12 counties + note.
      if (l.table) expect(l.table.h / l.tableRowMm!, `table rows ${name(c)}`).toBeCloseTo(tableRowCount(spec), 6);
      // The map stays the main thing on the sheet.
      expect(l.map.w * l.map.h, `map area ${name(c)}`).toBeGreaterThan(0.3 * inner.w * inner.h);
    }
  });

  it('shows a normal legend in full', () => {
    for (const c of combos().filter((x) => x.legend <= 5)) {
      expect(layoutSheet(specFor(c)).legendOmitted, name(c)).toBe(0);
    }
  });

  it('sizes the map image as the map box at the sheet DPI', () => {
    for (const c of combos().filter((x) => x.legend === 5 && x.provenance === 4 && x.subtitle)) {
      const l = layoutSheet(specFor(c));
      expect(l.mapPixels.width).toBe(Math.round((l.map.w / 25.4) * c.dpi));
      expect(l.mapPixels.height).toBe(Math.round((l.map.h / 25.4) * c.dpi));
    }
    const a3 = layoutSheet(sampleSpec({ paper: 'A3', orientation: 'landscape', dpi: 300 }));
    expect(a3.mapPixels.width).toBeGreaterThan(3000);
    const a3at150 = layoutSheet(sampleSpec({ paper: 'A3', orientation: 'landscape', dpi: 150 }));
    expect(a3at150.map).toEqual(a3.map);
    expect(Math.abs(a3at150.mapPixels.width * 2 - a3.mapPixels.width)).toBeLessThanOrEqual(1);
  });

  it('shrinks the map when a table and a Lorenz chart come along', () => {
    for (const paper of ['A4', 'A3'] as const)
      for (const orientation of ['portrait', 'landscape'] as const) {
        const area = (t: boolean, lz: boolean) => {
          const { map } = layoutSheet(sampleSpec({ paper, orientation, table: t, lorenz: lz }));
          return map.w * map.h;
        };
        const plain = area(false, false);
        expect(area(true, true)).toBeLessThan(plain);
        expect(area(true, false)).toBeLessThanOrEqual(plain);
        expect(area(false, true)).toBeLessThanOrEqual(plain);
      }
  });

  it('turns the north arrow box into a square and is deterministic', () => {
    const spec = sampleSpec({ paper: 'A3', orientation: 'portrait', table: true, lorenz: true });
    const a = layoutSheet(spec);
    expect(a.northArrow.w).toBe(a.northArrow.h);
    expect(layoutSheet(structuredClone(spec))).toEqual(a);
  });
});
