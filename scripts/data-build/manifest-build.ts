/** manifest.json: size and hash of every built output, plus a short content version. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DataManifest } from '../../src/shared/data-contract';
import type { Bbox } from './geo-math';

export type ManifestFiles = DataManifest['files'];

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function fileEntry(file: string): { bytes: number; sha256: string } {
  const data = readFileSync(file);
  return { bytes: data.length, sha256: sha256Hex(data) };
}

/**
 * One entry for a whole glyph fontstack (256 range files): the hash is over the sorted
 * "name sha256" lines, so renaming, adding or changing any range changes it.
 */
export function directoryEntry(dir: string): { bytes: number; sha256: string } {
  const names = readdirSync(dir)
    .filter((n) => statSync(join(dir, n)).isFile())
    .sort();
  if (names.length === 0) throw new Error(`${dir} is empty`);
  let bytes = 0;
  const lines: string[] = [];
  for (const name of names) {
    const e = fileEntry(join(dir, name));
    bytes += e.bytes;
    lines.push(`${name} ${e.sha256}\n`);
  }
  return { bytes, sha256: sha256Hex(lines.join('')) };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildManifest(files: ManifestFiles, bounds: Bbox): DataManifest {
  const paths = Object.keys(files).sort(compareStrings);
  const sorted: ManifestFiles = {};
  for (const p of paths) {
    const e = files[p];
    if (e) sorted[p] = { bytes: e.bytes, sha256: e.sha256 };
  }
  // Sorted by path, so the version depends on content and names only, never on build order.
  const dataVersion = sha256Hex(paths.map((p) => `${p} ${sorted[p]?.sha256 ?? ''}\n`).join('')).slice(0, 12);
  return { dataVersion, bounds, files: sorted };
}
