/** copy-sources on fake trees: the plan's documents next to the geo sources. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_FILES } from '../../src/shared/data-contract';
import { checkSources, copySources } from './copy-sources';
import {
  DOCUMENT_SOURCE_FOLDER_IDS,
  DOCUMENT_SOURCE_FOLDERS,
  GLYPH_FONTSTACKS,
  GLYPH_SOURCE_FOLDER,
  SEED_RAW_FILES,
  SOURCE_FOLDER_IDS,
  SOURCE_FOLDERS,
  SOURCES_DIR,
} from './source-files';

const tmp = mkdtempSync(join(tmpdir(), 'outu-copy-sources-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function put(file: string, text: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
}

/** ../shared: geo-sources/<folder>/… and seed/<plan>. */
function fakeShared(root: string): { rawDir: string } {
  const rawDir = join(root, 'geo-sources');
  for (const folder of SOURCE_FOLDER_IDS) {
    for (const f of ['SOURCE.md', ...SOURCE_FOLDERS[folder]]) put(join(rawDir, folder, f), `raw ${folder}/${f}`);
  }
  for (const stack of GLYPH_FONTSTACKS) put(join(rawDir, GLYPH_SOURCE_FOLDER, stack, '0-255.pbf'), 'pbf');
  for (const { raw } of SEED_RAW_FILES) put(join(root, 'seed', raw), 'plan text from ../shared/seed');
  return { rawDir };
}

/** A committed data/geo: sources/<folder>/… for every folder, documents included, and glyphs. */
function fakeBuild(dir: string): string {
  for (const folder of SOURCE_FOLDER_IDS) {
    for (const f of ['SOURCE.md', ...SOURCE_FOLDERS[folder]]) put(join(dir, SOURCES_DIR, folder, f), `seed ${f}`);
  }
  for (const folder of DOCUMENT_SOURCE_FOLDER_IDS) {
    for (const f of ['SOURCE.md', ...DOCUMENT_SOURCE_FOLDERS[folder]]) {
      put(join(dir, SOURCES_DIR, folder, f), `committed ${folder}/${f}`);
    }
  }
  for (const stack of GLYPH_FONTSTACKS) put(join(dir, DATA_FILES.glyphsDir, stack, '0-255.pbf'), 'pbf');
  return dir;
}

const read = (dir: string, folder: string, file: string) => readFileSync(join(dir, SOURCES_DIR, folder, file), 'utf8');

describe('copySources with the plan documents', () => {
  it('from raw: geo sources from geo-sources, plan text from ../shared/seed, the rest from the committed build', () => {
    const { rawDir } = fakeShared(join(tmp, 'shared1'));
    const seedDir = fakeBuild(join(tmp, 'committed1'));
    const outDir = join(tmp, 'out1');
    expect(copySources({ rawDir, seedDir, outDir })).toBe('from-raw');
    checkSources(outDir);
    expect(read(outDir, 'population', 'SOURCE.md')).toBe('raw population/SOURCE.md');
    expect(read(outDir, 'plan-seed', 'plan.txt')).toBe('plan text from ../shared/seed');
    expect(read(outDir, 'plan-seed', 'SOURCE.md')).toBe('committed plan-seed/SOURCE.md');
    expect(read(outDir, 'plan-projects', 'projects.tsv')).toBe('committed plan-projects/projects.tsv');
  });

  it('from raw in place (npm run data:build): refreshes the plan text, keeps the committed documents', () => {
    const { rawDir } = fakeShared(join(tmp, 'shared2'));
    const dir = fakeBuild(join(tmp, 'committed2'));
    expect(copySources({ rawDir, seedDir: dir, outDir: dir })).toBe('from-raw');
    checkSources(dir);
    expect(read(dir, 'plan-seed', 'plan.txt')).toBe('plan text from ../shared/seed');
    expect(read(dir, 'plan-seed', 'SOURCE.md')).toBe('committed plan-seed/SOURCE.md');
    expect(read(dir, 'plan-projects', 'summary.tsv')).toBe('committed plan-projects/summary.tsv');
  });

  it('from raw without a seed folder beside it: the plan text stays the committed copy', () => {
    const { rawDir } = fakeShared(join(tmp, 'shared3'));
    rmSync(join(tmp, 'shared3', 'seed'), { recursive: true });
    const seedDir = fakeBuild(join(tmp, 'committed3'));
    const outDir = join(tmp, 'out3');
    copySources({ rawDir, seedDir, outDir });
    expect(read(outDir, 'plan-seed', 'plan.txt')).toBe('committed plan-seed/plan.txt');
    // An explicit rawSeedDir: null does the same even when the sibling exists.
    const { rawDir: raw4 } = fakeShared(join(tmp, 'shared4'));
    copySources({ rawDir: raw4, seedDir, outDir, rawSeedDir: null });
    expect(read(outDir, 'plan-seed', 'plan.txt')).toBe('committed plan-seed/plan.txt');
  });

  it('from seed (no ../shared): copies the documents like every other folder', () => {
    const seedDir = fakeBuild(join(tmp, 'committed5'));
    const outDir = join(tmp, 'out5');
    expect(copySources({ rawDir: null, seedDir, outDir })).toBe('from-seed');
    checkSources(outDir);
    expect(read(outDir, 'plan-projects', 'SOURCE.md')).toBe('committed plan-projects/SOURCE.md');
    expect(copySources({ rawDir: null, seedDir: outDir, outDir })).toBe('skipped');
  });

  it('checkSources names a missing document file', () => {
    const dir = fakeBuild(join(tmp, 'committed6'));
    rmSync(join(dir, SOURCES_DIR, 'plan-projects', 'summary.tsv'));
    expect(existsSync(join(dir, SOURCES_DIR, 'plan-projects', 'projects.tsv'))).toBe(true);
    expect(() => checkSources(dir)).toThrow(/sources\/plan-projects\/summary\.tsv/);
  });
});
