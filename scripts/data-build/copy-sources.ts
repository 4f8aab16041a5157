/**
 * Step 1: bring the raw inputs into the output tree so the rest of the build (and anyone with
 * only the repo) depends on data/geo/sources alone.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DATA_FILES } from '../../src/shared/data-contract';
import {
  DOCUMENT_SOURCE_FOLDER_IDS,
  DOCUMENT_SOURCE_FOLDERS,
  GLYPH_FONTSTACKS,
  GLYPH_SOURCE_FOLDER,
  rawSeedDirFor,
  SEED_RAW_FILES,
  SOURCE_FOLDER_IDS,
  SOURCE_FOLDERS,
  SOURCES_DIR,
} from './source-files';

export interface CopyPlan {
  /** ../shared/geo-sources (or $OUTU_GEO_SOURCES) when present. */
  rawDir: string | null;
  /** A previous build (normally the committed data/geo) to seed from when rawDir is absent. */
  seedDir: string;
  outDir: string;
  /**
   * ../shared/seed (the plan text) when present. Defaults to the `seed/` sibling of rawDir; only
   * consulted when rawDir is used. Absent → the plan text comes from seedDir like everything else.
   */
  rawSeedDir?: string | null;
}

export type CopyOutcome = 'from-raw' | 'from-seed' | 'skipped';

function copyFile(from: string, to: string): void {
  if (!existsSync(from)) throw new Error(`missing source file: ${from}`);
  copyFileSync(from, to);
  // geo-sources is read-only; without this the copies would be too and the next build's rm fails on some systems.
  chmodSync(to, 0o644);
}

function copyFolderFiles(fromDir: string, toDir: string, files: readonly string[]): void {
  rmSync(toDir, { recursive: true, force: true });
  mkdirSync(toDir, { recursive: true });
  for (const f of files) copyFile(join(fromDir, f), join(toDir, f));
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`missing directory: ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name)
    .sort();
}

function copyGlyphs(fromGlyphsRoot: string, outDir: string): void {
  for (const stack of GLYPH_FONTSTACKS) {
    const from = join(fromGlyphsRoot, stack);
    const pbfs = listFiles(from).filter((n) => n.endsWith('.pbf'));
    if (pbfs.length === 0) throw new Error(`no glyph .pbf files in ${from}`);
    copyFolderFiles(from, join(outDir, DATA_FILES.glyphsDir, stack), pbfs);
  }
}

/**
 * The plan's documents (plan-seed, plan-projects) are authored in the repo, so they always come
 * from the seed build; in raw mode the plan text is then refreshed from the raw seed folder.
 */
function copyDocumentSources(seedDir: string, outDir: string, rawSeedDir: string | null): void {
  if (seedDir !== outDir) {
    for (const folder of DOCUMENT_SOURCE_FOLDER_IDS) {
      const from = join(seedDir, SOURCES_DIR, folder);
      copyFolderFiles(from, join(outDir, SOURCES_DIR, folder), listFiles(from));
    }
  }
  if (rawSeedDir && existsSync(rawSeedDir)) {
    for (const { raw, folder, file } of SEED_RAW_FILES) {
      mkdirSync(join(outDir, SOURCES_DIR, folder), { recursive: true });
      copyFile(join(rawSeedDir, raw), join(outDir, SOURCES_DIR, folder, file));
    }
  }
}

export function copySources(plan: CopyPlan): CopyOutcome {
  const outDir = resolve(plan.outDir);
  const seedDir = resolve(plan.seedDir);
  if (plan.rawDir && existsSync(plan.rawDir)) {
    for (const folder of SOURCE_FOLDER_IDS) {
      copyFolderFiles(join(plan.rawDir, folder), join(outDir, SOURCES_DIR, folder), [
        'SOURCE.md',
        ...SOURCE_FOLDERS[folder],
      ]);
    }
    copyGlyphs(join(plan.rawDir, GLYPH_SOURCE_FOLDER), outDir);
    copyDocumentSources(seedDir, outDir, plan.rawSeedDir === undefined ? rawSeedDirFor(plan.rawDir) : plan.rawSeedDir);
    return 'from-raw';
  }
  if (seedDir !== outDir) {
    for (const folder of SOURCE_FOLDER_IDS) {
      const from = join(seedDir, SOURCES_DIR, folder);
      copyFolderFiles(from, join(outDir, SOURCES_DIR, folder), listFiles(from));
    }
    copyGlyphs(join(seedDir, DATA_FILES.glyphsDir), outDir);
    copyDocumentSources(seedDir, outDir, null);
    return 'from-seed';
  }
  return 'skipped';
}

/** Fails loudly before any work if a file a later step needs is absent. */
export function checkSources(outDir: string): void {
  const missing: string[] = [];
  const folders: [string, readonly string[]][] = [
    ...SOURCE_FOLDER_IDS.map((id): [string, readonly string[]] => [id, SOURCE_FOLDERS[id]]),
    ...DOCUMENT_SOURCE_FOLDER_IDS.map((id): [string, readonly string[]] => [id, DOCUMENT_SOURCE_FOLDERS[id]]),
  ];
  for (const [folder, files] of folders) {
    for (const f of ['SOURCE.md', ...files]) {
      if (!existsSync(join(outDir, SOURCES_DIR, folder, f))) missing.push(`${SOURCES_DIR}/${folder}/${f}`);
    }
  }
  for (const stack of GLYPH_FONTSTACKS) {
    if (!existsSync(join(outDir, DATA_FILES.glyphsDir, stack, '0-255.pbf')))
      missing.push(`${DATA_FILES.glyphsDir}/${stack}/0-255.pbf`);
  }
  if (missing.length > 0) throw new Error(`sources incomplete in ${outDir}:\n  ${missing.join('\n  ')}`);
}
