import { describe, expect, it } from 'vitest';
import {
  MAX_FILE_BYTES,
  utf8ByteLength,
  validateFileData,
  validateFileName,
  validateFilters,
  validateOpenFileRequest,
  validateSaveFileRequest,
} from './ipc-validate';

const bad = (result: { ok: boolean }): boolean => !result.ok;

describe('validateOpenFileRequest', () => {
  it('accepts an empty or complete request', () => {
    expect(validateOpenFileRequest(undefined)).toEqual({ ok: true, value: {} });
    expect(validateOpenFileRequest({})).toEqual({ ok: true, value: {} });
    const request = { title: '打开 GeoJSON', filters: [{ name: 'GeoJSON', extensions: ['geojson', 'json'] }] };
    expect(validateOpenFileRequest(request)).toEqual({ ok: true, value: request });
  });

  it('rejects wrong types and unknown fields', () => {
    for (const input of [null, 'x', 42, [], { title: 1 }, { filters: 'json' }, { defaultPath: '/etc' }, new Date()]) {
      expect(bad(validateOpenFileRequest(input)), JSON.stringify(input)).toBe(true);
    }
  });

  it('rejects an overlong or control-character title', () => {
    expect(bad(validateOpenFileRequest({ title: 'x'.repeat(201) }))).toBe(true);
    expect(bad(validateOpenFileRequest({ title: 'a\nb' }))).toBe(true);
  });
});

describe('validateFilters', () => {
  it('checks each filter', () => {
    expect(validateFilters([{ name: 'All', extensions: ['*'] }]).ok).toBe(true);
    for (const filters of [
      [{ name: 'x' }],
      [{ name: '', extensions: ['json'] }],
      [{ name: 'x', extensions: [] }],
      [{ name: 'x', extensions: ['.json'] }],
      [{ name: 'x', extensions: ['js on'] }],
      [{ name: 'x', extensions: [1] }],
      [{ name: 'x', extensions: ['json'], extra: true }],
      Array.from({ length: 21 }, () => ({ name: 'x', extensions: ['json'] })),
    ]) {
      expect(bad(validateFilters(filters))).toBe(true);
    }
  });
});

describe('validateFileName', () => {
  it('accepts ordinary names, Chinese included', () => {
    for (const name of ['export.geojson', '温州市 公共服务.csv', 'a.b.c', '..hidden']) {
      expect(validateFileName(name)).toEqual({ ok: true, value: name });
    }
  });

  it('rejects paths, traversal and reserved names', () => {
    for (const name of [
      '',
      '.',
      '..',
      '../evil.txt',
      'dir/file.txt',
      '..\\evil.txt',
      'C:\\x.txt',
      'C:',
      '/etc/passwd',
      'a\u0000b',
      'a\nb',
      'trailing.',
      'trailing ',
      ' leading',
      'CON',
      'nul.txt',
      'x'.repeat(256),
      42,
      null,
    ]) {
      expect(bad(validateFileName(name)), String(name)).toBe(true);
    }
  });
});

describe('validateFileData', () => {
  it('accepts strings and Uint8Arrays (subclasses such as Buffer too)', () => {
    expect(validateFileData('abc').ok).toBe(true);
    expect(validateFileData(new Uint8Array(3)).ok).toBe(true);
    class Bytes extends Uint8Array {}
    expect(validateFileData(new Bytes(1)).ok).toBe(true);
  });

  it('rejects other types', () => {
    for (const data of [
      undefined,
      null,
      1,
      {},
      [1, 2],
      new ArrayBuffer(2),
      new Uint16Array(2),
      new DataView(new ArrayBuffer(1)),
    ]) {
      expect(bad(validateFileData(data))).toBe(true);
    }
  });

  it('enforces the size cap in bytes', () => {
    expect(bad(validateFileData(new Uint8Array(11), 10))).toBe(true);
    expect(validateFileData(new Uint8Array(10), 10).ok).toBe(true);
    expect(validateFileData('温州', 6).ok).toBe(true);
    expect(bad(validateFileData('温州', 5))).toBe(true);
    expect(MAX_FILE_BYTES).toBe(512 * 1024 * 1024);
  });

  it('counts UTF-8 bytes exactly', () => {
    for (const text of ['', 'abc', 'é', '温州', '😀', 'a😀b', '\ud800', '\udc00x']) {
      expect(utf8ByteLength(text), text).toBe(new TextEncoder().encode(text).length);
    }
  });
});

describe('validateSaveFileRequest', () => {
  it('accepts a valid request', () => {
    const request = { suggestedName: 'x.geojson', data: '{}', filters: [{ name: 'GeoJSON', extensions: ['geojson'] }] };
    expect(validateSaveFileRequest(request)).toEqual({ ok: true, value: request });
  });

  it('rejects missing data, bad names and unknown fields', () => {
    for (const input of [
      undefined,
      { suggestedName: 'x.txt' },
      { suggestedName: '../x.txt', data: '' },
      { suggestedName: 'x.txt', data: '', path: '/etc/passwd' },
      { suggestedName: 'x.txt', data: 1 },
    ]) {
      expect(bad(validateSaveFileRequest(input))).toBe(true);
    }
  });

  it('rejects data over the cap', () => {
    expect(bad(validateSaveFileRequest({ suggestedName: 'x.bin', data: new Uint8Array(11) }, 10))).toBe(true);
  });

  it('accepts a media type and rejects anything else in its place', () => {
    const request = { suggestedName: 'x.kml', data: '<kml/>', mimeType: 'application/vnd.google-earth.kml+xml' };
    expect(validateSaveFileRequest(request)).toEqual({ ok: true, value: request });
    for (const mimeType of ['text', 'text/csv; charset=utf-8', 'text/csv\n', '../x', 7, `text/${'x'.repeat(80)}`])
      expect(bad(validateSaveFileRequest({ suggestedName: 'x.csv', data: '', mimeType })), String(mimeType)).toBe(true);
  });
});
