/**
 * PMTiles v3 directories: varint encoding and the root/leaf split.
 * Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md §4.
 * The `pmtiles` npm package only reads archives, so the writing half lives here.
 */
import type { Entry } from 'pmtiles';

export type { Entry };

/** Total bytes a reader fetches first: 127-byte header + root directory must fit in it. */
export const FIRST_FETCH_BYTES = 16_384;
export const HEADER_BYTES = 127;

/**
 * Varints can exceed 2^31 (tile ids reach ~9·10^7 at z13, offsets can pass 4 GiB in theory),
 * so this uses arithmetic rather than 32-bit bitwise operators.
 */
export function writeVarint(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`varint out of range: ${value}`);
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) + 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

export function readVarint(buf: Uint8Array, pos: { pos: number }): number {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = buf[pos.pos++];
    if (byte === undefined) throw new Error('truncated varint');
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return value;
    scale *= 0x80;
    if (scale > 2 ** 56) throw new Error('varint too long');
  }
}

/** Uncompressed directory bytes. Entries must be sorted by tileId. */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    if (e.tileId < lastId) throw new Error('directory entries must be sorted by tileId');
    writeVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    // 0 means "directly after the previous entry's bytes", which is the common case.
    if (prev && e.offset === prev.offset + prev.length) writeVarint(out, 0);
    else writeVarint(out, e.offset + 1);
  });
  return Uint8Array.from(out);
}

export function deserializeDirectory(bytes: Uint8Array): Entry[] {
  const p = { pos: 0 };
  const n = readVarint(bytes, p);
  const entries: Entry[] = [];
  let lastId = 0;
  for (let i = 0; i < n; i++) {
    lastId += readVarint(bytes, p);
    entries.push({ tileId: lastId, offset: 0, length: 0, runLength: 0 });
  }
  for (const e of entries) e.runLength = readVarint(bytes, p);
  for (const e of entries) e.length = readVarint(bytes, p);
  entries.forEach((e, i) => {
    const v = readVarint(bytes, p);
    const prev = entries[i - 1];
    if (v === 0 && prev) e.offset = prev.offset + prev.length;
    else if (v === 0) throw new Error('first directory entry cannot have a relative offset');
    else e.offset = v - 1;
  });
  if (p.pos !== bytes.length) throw new Error(`directory has ${bytes.length - p.pos} trailing bytes`);
  return entries;
}

export interface DirectoryLayout {
  /** Compressed root directory. */
  root: Uint8Array;
  /** Concatenated compressed leaf directories (empty when everything fits in the root). */
  leaves: Uint8Array;
  leafCount: number;
}

export interface DirectoryOptions {
  compress: (raw: Uint8Array) => Uint8Array;
  /** Max compressed root size; defaults to what fits beside the header in the first fetch. */
  rootBudget?: number;
  /** Smallest leaf; tests lower it to force leaves with few entries. */
  minLeafSize?: number;
}

function buildRootAndLeaves(
  entries: readonly Entry[],
  leafSize: number,
  compress: DirectoryOptions['compress'],
): DirectoryLayout {
  const rootEntries: Entry[] = [];
  const leafChunks: Uint8Array[] = [];
  let leafBytes = 0;
  for (let i = 0; i < entries.length; i += leafSize) {
    const chunk = entries.slice(i, i + leafSize);
    const first = chunk[0];
    if (!first) break;
    const leaf = compress(serializeDirectory(chunk));
    // runLength 0 marks a pointer to a leaf directory; offsets are relative to the leaf section.
    rootEntries.push({ tileId: first.tileId, offset: leafBytes, length: leaf.length, runLength: 0 });
    leafChunks.push(leaf);
    leafBytes += leaf.length;
  }
  return {
    root: compress(serializeDirectory(rootEntries)),
    leaves: concatBytes(leafChunks),
    leafCount: leafChunks.length,
  };
}

/**
 * Everything in the root when it fits the budget; otherwise a root of leaf pointers, growing
 * the leaf size until that root fits (same strategy as go-pmtiles' optimizeDirectories).
 */
export function buildDirectories(entries: readonly Entry[], options: DirectoryOptions): DirectoryLayout {
  const budget = options.rootBudget ?? FIRST_FETCH_BYTES - HEADER_BYTES;
  const root = options.compress(serializeDirectory(entries));
  if (root.length <= budget) return { root, leaves: new Uint8Array(0), leafCount: 0 };
  let leafSize = Math.max(options.minLeafSize ?? 4096, Math.ceil(entries.length / 3500));
  for (;;) {
    const layout = buildRootAndLeaves(entries, leafSize, options.compress);
    if (layout.root.length <= budget) return layout;
    if (leafSize >= entries.length) throw new Error('cannot fit the root directory into its budget');
    leafSize = Math.ceil(leafSize * 1.2);
  }
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let pos = 0;
  for (const c of chunks) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}
