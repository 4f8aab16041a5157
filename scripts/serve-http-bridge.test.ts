import { describe, expect, it } from 'vitest';
import { dataSubpath } from './serve-http-bridge';

describe('dataSubpath', () => {
  it('maps /data/… to the path inside the data folder, keeping the query', () => {
    expect(dataSubpath('/data/counties.geojson')).toBe('/counties.geojson');
    expect(dataSubpath('/data/glyphs/A%20B/0-255.pbf?x=1')).toBe('/glyphs/A%20B/0-255.pbf?x=1');
    expect(dataSubpath('/data/')).toBe('/');
    expect(dataSubpath('/data')).toBe('/');
    expect(dataSubpath('/data?x')).toBe('/?x');
  });

  it('leaves everything else alone', () => {
    expect(dataSubpath('/index.html')).toBeNull();
    expect(dataSubpath('/database.json')).toBeNull();
    expect(dataSubpath('/data%2f..')).toBeNull();
    expect(dataSubpath('/assets/data/x.json')).toBeNull();
    expect(dataSubpath('/x?/data/y')).toBeNull();
  });
});
