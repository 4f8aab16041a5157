/** Plain-text tables for the build log. */
import type { RoadClassSummary } from './road-classify';

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

/** Left-aligns text columns and right-aligns columns whose cells all look numeric. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)));
  const numeric = header.map(
    (_, c) => rows.length > 0 && rows.every((r) => /^[\d.,\s]+(%|ms|s|B|KiB|MiB)?$/.test(r[c] ?? '')),
  );
  const fmt = (r: readonly string[]): string =>
    r
      .map((cell, c) => {
        const pad = ' '.repeat(Math.max(0, (widths[c] ?? 0) - [...cell].length));
        return numeric[c] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

export function roadClassTable(summary: readonly RoadClassSummary[]): string {
  const total = summary.reduce((a, s) => ({ segments: a.segments + s.segments, km: a.km + s.km }), {
    segments: 0,
    km: 0,
  });
  return table(
    ['class', 'segments', 'km', 'names', 'examples'],
    [
      ...summary.map((s) => [
        s.roadClass,
        String(s.segments),
        s.km.toFixed(0),
        String(s.distinctNames),
        s.examples.join(' '),
      ]),
      ['total', String(total.segments), total.km.toFixed(0), '', ''],
    ],
  );
}
