import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempPathFor, writeFileAtomic } from './atomic-write';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outu-atomic-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes strings as UTF-8 and bytes as-is, leaving no temp file', async () => {
    await writeFileAtomic(join(dir, '温州.geojson'), '{"name":"温州"}');
    await writeFileAtomic(join(dir, 'b.bin'), new Uint8Array([1, 2, 3]));
    expect(await readFile(join(dir, '温州.geojson'), 'utf8')).toBe('{"name":"温州"}');
    expect([...(await readFile(join(dir, 'b.bin')))]).toEqual([1, 2, 3]);
    expect((await readdir(dir)).sort()).toEqual(['b.bin', '温州.geojson']);
  });

  it('replaces an existing file and keeps its permissions', async () => {
    const target = join(dir, 'x.txt');
    await writeFile(target, 'old', { mode: 0o600 });
    await writeFileAtomic(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('leaves the old file untouched and cleans up when the write fails before the rename', async () => {
    const target = join(dir, 'x.txt');
    await writeFile(target, 'old');
    const failing = writeFileAtomic(target, 'new', {
      beforeRename: () => {
        throw new Error('disk on fire');
      },
    });
    await expect(failing).rejects.toThrow('disk on fire');
    expect(await readFile(target, 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['x.txt']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.txt'), 'x')).rejects.toThrow();
  });

  it('keeps temp names short and hidden', () => {
    const temp = tempPathFor(join(dir, `${'长'.repeat(200)}.txt`));
    expect(temp.startsWith(join(dir, '.'))).toBe(true);
    expect(temp.length - dir.length).toBeLessThan(140);
  });

  it('never leaves a half-written target when the process is killed mid-save', async () => {
    const target = join(dir, 'export.geojson');
    await writeFile(target, 'old complete content');
    const child = join(dir, 'child.mts');
    const moduleUrl = pathToFileURL(resolve(__dirname, 'atomic-write.ts')).href;
    await writeFile(
      child,
      `import { writeFileAtomic } from ${JSON.stringify(moduleUrl)};
setInterval(() => undefined, 1000);
await writeFileAtomic(process.argv[2], new Uint8Array(8 * 1024 * 1024).fill(66), {
  beforeRename: () => { process.stdout.write('ready\\n'); return new Promise(() => undefined); },
});
`,
    );
    const proc = spawn(process.execPath, ['--import', 'tsx', child, target], {
      cwd: resolve(__dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((done, fail) => {
      proc.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) done();
      });
      proc.on('exit', (code) => fail(new Error(`child exited early (${code}): ${stderr}`)));
    });
    const exited = new Promise((done) => proc.on('exit', done));
    proc.kill('SIGKILL');
    await exited;

    expect(await readFile(target, 'utf8')).toBe('old complete content');
    const leftovers = (await readdir(dir)).filter((name) => name.endsWith('.tmp'));
    // The orphaned temp file is complete and hidden; the target was never touched.
    expect(leftovers).toHaveLength(1);
    expect((await stat(join(dir, leftovers[0] ?? ''))).size).toBe(8 * 1024 * 1024);
  });
});
