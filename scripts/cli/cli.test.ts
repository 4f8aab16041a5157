import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeRoutingGraph, routingGraphFromEdges } from '../../src/core/routing/graph';
import { parseLonLat, parseOptions } from './args';
import { registeredCommands } from './registry';
import { EXIT_USAGE, runCli } from './run';
import { cli } from './test-support';
import { UsageError, type CliCommand } from './types';

const dir = mkdtempSync(join(tmpdir(), 'outu-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 0 –(expressway 900 m)– 1 –(unnamed 500 m)– 2, plus an isolated pair 3 – 4. */
const graphFile = join(dir, 'g.bin');
writeFileSync(
  graphFile,
  encodeRoutingGraph(
    routingGraphFromEdges({
      lon: Float64Array.from([120, 120.01, 120.02, 121, 121.001]),
      lat: Float64Array.from([28, 28, 28, 28, 28]),
      edgeA: Uint32Array.from([0, 1, 3]),
      edgeB: Uint32Array.from([1, 2, 4]),
      lengthM: Float32Array.from([900, 500, 100]),
      roadClass: Uint8Array.from([0, 4, 3]),
    }),
  ),
);

describe('dispatcher', () => {
  it('lists commands without arguments (usage error) and with help (success)', async () => {
    const none = await cli();
    expect(none.code).toBe(EXIT_USAGE);
    expect(none.err).toContain('graph-export');
    const help = await cli('help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('graph-info');
    expect((await cli('help', 'graph-export')).out).toContain('--profile <walk|bike|drive>');
    expect((await cli('graph-export', '--help')).out).toContain('edges.csv');
  });

  it('rejects unknown commands and options with exit code 2', async () => {
    expect(await cli('nope')).toMatchObject({
      code: EXIT_USAGE,
      err: expect.stringContaining('unknown command "nope"'),
    });
    const unknown = await cli('graph-info', '--bogus');
    expect(unknown.code).toBe(EXIT_USAGE);
    expect(unknown.err).toMatch(/Unknown option '--bogus'/);
    const missing = await cli('graph-export', '--out', dir);
    expect(missing).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining('--profile is required') });
    const bad = await cli('graph-export', '--profile', 'car', '--out', dir);
    expect(bad.err).toContain('--profile must be one of walk, bike, drive, got "car"');
    const two = await cli('graph-search', '--profile', 'walk', '--random', '1', '--at', '120,28', '--graph', graphFile);
    expect(two).toMatchObject({ code: EXIT_USAGE, err: expect.stringContaining('exactly one of') });
    const nan = await cli('graph-search', '--profile', 'walk', '--random', 'x', '--graph', graphFile);
    expect(nan.err).toContain('--random must be a number');
  });

  it('reports a failing command with exit code 1', async () => {
    const r = await cli('graph-info', '--graph', join(dir, 'missing.bin'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot read the routing graph');
    writeFileSync(join(dir, 'bad.bin'), 'not a graph');
    expect((await cli('graph-info', '--graph', join(dir, 'bad.bin'))).err).toContain('shorter than the 96-byte header');
  });

  it('keeps command names unique', () => {
    const names = registeredCommands().map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('dispatches to a registered command with the remaining arguments', async () => {
    const seen: string[][] = [];
    const echo: CliCommand = {
      name: 'echo',
      summary: 'test',
      usage: 'echo …',
      run: (args) => {
        seen.push([...args]);
        if (args[0] === 'bad') throw new UsageError('bad input');
        return 0;
      },
    };
    const io = { out: () => undefined, err: () => undefined };
    expect(await runCli(['echo', 'a', 'b'], io, [echo])).toBe(0);
    expect(await runCli(['echo', 'bad'], io, [echo])).toBe(EXIT_USAGE);
    expect(seen).toEqual([['a', 'b'], ['bad']]);
  });
});

describe('graph commands', () => {
  it('graph-info prints counts and components', async () => {
    const r = await cli('graph-info', '--graph', graphFile);
    expect(r.code).toBe(0);
    expect(r.out).toContain('nodes 5, edges 3');
    expect(r.out).toMatch(/walk\s+components 3, largest 2 nodes/);
    expect(r.out).toMatch(/drive components 2, largest 3 nodes/);
  });

  it('graph-export writes nodes and the profile’s usable edges', async () => {
    const out = join(dir, 'export-walk');
    expect((await cli('graph-export', '--profile', 'walk', '--out', out, '--graph', graphFile)).code).toBe(0);
    expect(readFileSync(join(out, 'nodes.csv'), 'utf8')).toBe(
      'id,lon,lat\n0,120,28\n1,120.01,28\n2,120.02,28\n3,121,28\n4,121.001,28\n',
    );
    // The expressway (edge 0) is not walkable; 500 m at 4.8 km/h = 375 s, 100 m = 75 s.
    expect(readFileSync(join(out, 'edges.csv'), 'utf8')).toBe(
      'id,source,target,cost_s,length_m\n1,1,2,375,500\n2,3,4,75,100\n',
    );
    const drive = join(dir, 'export-drive');
    await cli('graph-export', '--profile', 'drive', '--out', drive, '--graph', graphFile);
    expect(readFileSync(join(drive, 'edges.csv'), 'utf8').split('\n')[1]).toBe('0,0,1,36,900');
  });

  it('graph-search snaps points, searches and writes seeds.csv and times.csv', async () => {
    const out = join(dir, 'search');
    const r = await cli(
      'graph-search',
      '--profile',
      'drive',
      '--at',
      '120.0001,28',
      '--at',
      '120.02,28',
      '--second-best',
      '--out',
      out,
      '--graph',
      graphFile,
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('reached 3 of 5 nodes');
    expect(readFileSync(join(out, 'seeds.csv'), 'utf8').split('\n').slice(0, 3)).toEqual([
      'source,node,lon,lat,snap_m,in_main',
      '0,0,120.0001,28,9.83,1',
      '1,2,120.02,28,0.00,1',
    ]);
    // 900 m at 90 km/h = 36 s; 500 m at 25 km/h = 72 s.
    expect(readFileSync(join(out, 'times.csv'), 'utf8')).toBe(
      'node,seconds,source,second_seconds,second_source\n0,0,0,108,1\n1,36,0,72,1\n2,0,1,108,0\n',
    );
  });
});

describe('args', () => {
  it('parses lon,lat and rejects junk', () => {
    expect(parseLonLat(' 120.5, 28 ', 'at')).toEqual([120.5, 28]);
    expect(() => parseLonLat('120', 'at')).toThrow(UsageError);
    expect(() => parseLonLat('200,28', 'at')).toThrow(/not a WGS-84/);
    expect(() => parseOptions(['stray'], {})).toThrow(UsageError);
  });
});
