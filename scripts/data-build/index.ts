/**
 * `npm run data:build [-- --out <dir>]`: builds data/geo (or <dir>) from ../shared/geo-sources,
 * or from the committed data/geo/sources when the raw folder is not there.
 */
import { resolve } from 'node:path';
import { DEFAULT_OUT_DIR, resolveRawDir } from './paths';
import { runPipeline } from './pipeline';
import { formatBytes, roadClassTable, table } from './report';

function parseOutDir(argv: readonly string[]): string {
  const i = argv.indexOf('--out');
  if (i === -1) return DEFAULT_OUT_DIR;
  const dir = argv[i + 1];
  if (!dir) throw new Error('--out needs a directory');
  return resolve(dir);
}

async function main(): Promise<void> {
  const started = performance.now();
  const outDir = parseOutDir(process.argv.slice(2));
  const result = await runPipeline({ outDir, rawDir: resolveRawDir(), seedDir: DEFAULT_OUT_DIR });

  console.log('\nRoad classes (by name):');
  console.log(roadClassTable(result.roadSummary));

  const s = result.basemapStats;
  console.log(
    `\nbasemap.pmtiles: ${s.addressedTiles} tiles, ${s.tileEntries} directory entries, ${s.tileContents} distinct contents, ${s.leafDirectories} leaf directories`,
  );
  console.log(
    table(
      ['zoom', 'tiles', 'bytes', 'max tile'],
      result.zoomStats.map((z) => [String(z.z), String(z.tiles), formatBytes(z.bytes), formatBytes(z.maxTileBytes)]),
    ),
  );

  console.log(`\nBuilt ${outDir} (dataVersion ${result.manifest.dataVersion}):`);
  const rows: string[][] = [];
  for (const step of result.steps) {
    const outputs = step.outputs.length > 0 ? step.outputs : [{ path: '', bytes: -1 }];
    outputs.forEach((o, i) =>
      rows.push([
        i === 0 ? step.step : '',
        i === 0 ? `${(step.ms / 1000).toFixed(2)} s` : '',
        o.path,
        o.bytes >= 0 ? formatBytes(o.bytes) : '',
      ]),
    );
  }
  for (const [path, e] of Object.entries(result.manifest.files)) {
    if (path.endsWith('/')) rows.push(['(glyphs)', '', path, formatBytes(e.bytes)]);
  }
  rows.push(['total', `${((performance.now() - started) / 1000).toFixed(2)} s`, '', '']);
  console.log(table(['step', 'time', 'output', 'size'], rows));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
