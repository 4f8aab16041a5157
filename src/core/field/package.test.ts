import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fieldRecordKey, type FieldRecord } from '../../shared/field';
import { translateMessage } from '../../shared/i18n/message';
import type { Language } from '../../shared/i18n/translate';
import { sha256Hex } from '../import/sha256';
import {
  PackageError,
  packageErrorMessage,
  readPackage,
  writePackage,
  type PackageErrorCode,
  type PackageInput,
} from './package';
import { annotation, edit, photo, position, progress, tombstone } from './test-records';

const enc = new TextEncoder();
const PHOTO = enc.encode('\xff\xd8 photo one: the original image bytes, distinctive enough to find in the zip');
const THUMB = enc.encode('\xff\xd8 thumbnail two');

async function fixture(): Promise<PackageInput> {
  const photoSha = await sha256Hex(PHOTO);
  const thumbSha = await sha256Hex(THUMB);
  const records: FieldRecord[] = [
    annotation('a1'),
    edit(annotation('a2', { title: '“引号”, 逗号\n换行', attachedTo: null }), 'a2-r2', { status: 'problem' }),
    photo('p1', 'a1', { sha256: photoSha, thumbSha256: thumbSha, size: PHOTO.length }),
    // A deleted photo needs no bytes in the package.
    tombstone(photo('p2', 'a1', { sha256: 'c'.repeat(64) }), 'p2-r2'),
    progress('g1'),
    position(12),
  ];
  return {
    kind: 'backup',
    packageId: 'pkg-1',
    createdAt: '2024-05-03T10:00:00.000Z',
    author: '张三',
    appVersion: '0.1.0',
    dataVersion: '2024.05',
    since: null,
    records,
    blobs: new Map([
      [photoSha, PHOTO],
      [thumbSha, THUMB],
    ]),
    tables: { settings: [{ key: 'author', value: '张三' }], facilities: [], layerState: [{ id: 1, on: true }, null] },
  };
}

async function changes(): Promise<PackageInput> {
  const input = await fixture();
  return { ...input, kind: 'changes', since: '2024-05-01T00:00:00.000Z', tables: undefined };
}

async function expectCode(promise: Promise<unknown>, code: PackageErrorCode): Promise<PackageError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  expect((error as PackageError).code).toBe(code);
  return error as PackageError;
}

/** What the UI shows for the error: its message looked up in the shared catalogue. */
function shown(error: PackageError, language: Language): string {
  return translateMessage(language, packageErrorMessage(error));
}

type Manifest = { files: Record<string, { sha256: string; bytes: number }>; [key: string]: unknown };

/** Unzips, lets the test change files and manifest, lists the files again (unless told not to) and zips. */
async function repack(
  bytes: Uint8Array,
  change: (files: Record<string, Uint8Array>, manifest: Manifest) => void,
  options: { relist?: boolean } = {},
): Promise<Uint8Array> {
  const files = unzipSync(bytes);
  const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as Manifest;
  delete files['manifest.json'];
  change(files, manifest);
  if (options.relist ?? true) {
    manifest.files = {};
    for (const [path, data] of Object.entries(files))
      manifest.files[path] = { sha256: await sha256Hex(data), bytes: data.length };
  }
  return zipSync({ 'manifest.json': strToU8(JSON.stringify(manifest)), ...files });
}

const MANIFEST_EDITS: [string, (m: Manifest) => void, PackageErrorCode][] = [
  ['another format', (m: Manifest) => void (m.format = 'qgis-project'), 'not-outu-package'],
  ['a newer format version', (m: Manifest) => void (m.formatVersion = 2), 'newer-format'],
  ['a broken format version', (m: Manifest) => void (m.formatVersion = '1'), 'manifest-invalid'],
  ['an unknown kind', (m: Manifest) => void (m.kind = 'full'), 'manifest-invalid'],
  ['a missing author', (m: Manifest) => void delete m.author, 'manifest-invalid'],
  ['an unknown field', (m: Manifest) => void (m.signature = 'x'), 'manifest-invalid'],
  ['bad counts', (m: Manifest) => void (m.counts = { annotation: -1 }), 'manifest-invalid'],
  ['a wrong count', (m: Manifest) => void ((m.counts as Record<string, number>).annotation = 3), 'count-mismatch'],
  ['a since that is a number', (m: Manifest) => void (m.since = 0), 'manifest-invalid'],
];

function sortByKey(records: readonly FieldRecord[]): FieldRecord[] {
  return [...records].sort((a, b) => (fieldRecordKey(a) < fieldRecordKey(b) ? -1 : 1));
}

describe('writePackage / readPackage', () => {
  it('round-trips records, blobs and tables', async () => {
    const input = await fixture();
    const pkg = await readPackage(await writePackage(input));
    expect(pkg.records).toEqual(sortByKey(input.records));
    expect(pkg.blobs).toEqual(input.blobs);
    expect(pkg.tables).toEqual(input.tables);
    expect(pkg.manifest).toMatchObject({
      format: 'outu-package',
      formatVersion: 1,
      kind: 'backup',
      packageId: 'pkg-1',
      author: '张三',
      since: null,
      counts: { annotation: 2, photo: 2, progress: 1, position: 1 },
    });
    expect(Object.keys(pkg.manifest.files)).toEqual([
      ...[...input.blobs.keys()].sort().map((sha) => `blobs/${sha}`),
      'records.geojson',
      'tables/facilities.json',
      'tables/layerState.json',
      'tables/settings.json',
    ]);
    const photoSha = await sha256Hex(PHOTO);
    expect(pkg.manifest.files[`blobs/${photoSha}`]).toEqual({ sha256: photoSha, bytes: PHOTO.length });
  });

  it('writes records.geojson as a FeatureCollection a GIS can open', async () => {
    const files = unzipSync(await writePackage(await fixture()));
    const geojson = JSON.parse(strFromU8(files['records.geojson']!));
    expect(geojson.type).toBe('FeatureCollection');
    const byKind = Object.fromEntries(
      geojson.features.map((f: { properties: { recordKind: string; id: string } }) => [
        `${f.properties.recordKind}:${f.properties.id}`,
        f,
      ]),
    );
    expect(byKind['annotation:a1'].geometry).toEqual({ type: 'Point', coordinates: [120.6372, 27.9551] });
    expect(byKind['position:position:12'].geometry).toEqual({ type: 'Point', coordinates: [120.7, 28.01] });
    expect(byKind['photo:p1'].geometry).toBeNull();
    expect(byKind['progress:g1'].geometry).toBeNull();
    expect(Object.keys(byKind['annotation:a1'].properties)).toEqual([
      'recordKind',
      'id',
      'rev',
      'revs',
      'createdAt',
      'createdBy',
      'updatedAt',
      'updatedBy',
      'deleted',
      'body',
    ]);
    expect(byKind['annotation:a1'].properties.body.title).toBe('瓯海区卫生院工地');
  });

  it('stores blobs uncompressed and text deflated', async () => {
    const methods: Record<string, number> = {};
    unzipSync(await writePackage(await fixture()), {
      filter: (file) => {
        methods[file.name] = file.compression;
        return false;
      },
    });
    const photoSha = await sha256Hex(PHOTO);
    expect(methods[`blobs/${photoSha}`]).toBe(0);
    expect(methods['records.geojson']).toBe(8);
    expect(methods['manifest.json']).toBe(8);
    expect(Object.keys(methods)[0]).toBe('manifest.json');
  });

  it('is deterministic: same input, same bytes, whatever the order or storage-only fields', async () => {
    const input = await fixture();
    const first = await writePackage(input);
    const shuffled: PackageInput = {
      ...input,
      records: [...input.records].reverse().map((r) => ({ dexieKey: [r.kind, r.id], ...r }) as unknown as FieldRecord),
      blobs: new Map([...input.blobs].reverse()),
    };
    const second = await writePackage(shuffled);
    expect(second).toEqual(first);
    expect(await sha256Hex(second)).toBe(await sha256Hex(first));
  });

  it('reads an empty exchange package', async () => {
    const input: PackageInput = { ...(await changes()), records: [], blobs: new Map() };
    const pkg = await readPackage(await writePackage(input));
    expect(pkg.records).toEqual([]);
    expect(pkg.blobs.size).toBe(0);
    expect(pkg.tables).toEqual({});
    expect(pkg.manifest.kind).toBe('changes');
    expect(pkg.manifest.counts).toEqual({ annotation: 0, photo: 0, progress: 0, position: 0 });
  });

  it('tolerates folder entries added by re-zipping by hand', async () => {
    const bytes = await repack(await writePackage(await changes()), () => undefined);
    const files = unzipSync(bytes);
    const withFolder = zipSync({ ...files, 'blobs/': new Uint8Array(0) });
    expect((await readPackage(withFolder)).records).toHaveLength(6);
  });
});

describe('readPackage rejects damaged, edited and foreign files', () => {
  it('rejects bytes that are not a zip, and empty bytes', async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    await expectCode(readPackage(random), 'not-a-zip');
    await expectCode(readPackage(new Uint8Array(0)), 'not-a-zip');
    await expectCode(readPackage(enc.encode('{"format":"outu-package"}')), 'not-a-zip');
  });

  it('rejects a truncated package', async () => {
    const bytes = await writePackage(await fixture());
    const error = await expectCode(readPackage(bytes.slice(0, Math.floor(bytes.length / 2))), 'damaged');
    expect(error.params.detail).toBeTruthy();
    await expectCode(readPackage(bytes.slice(0, bytes.length - 1)), 'damaged');
  });

  it('rejects one byte flipped inside a blob as a mismatch', async () => {
    const bytes = await writePackage(await fixture());
    const at = Buffer.from(bytes).indexOf(Buffer.from(PHOTO));
    expect(at).toBeGreaterThan(0);
    const flipped = bytes.slice();
    flipped[at + 20] = (flipped[at + 20] ?? 0) ^ 0x01;
    const error = await expectCode(readPackage(flipped), 'file-mismatch');
    expect(error.params.path).toBe(`blobs/${await sha256Hex(PHOTO)}`);
  });

  it('rejects a zip without manifest, or a manifest that is not JSON', async () => {
    const files = unzipSync(await writePackage(await fixture()));
    const { 'manifest.json': _, ...rest } = files;
    await expectCode(readPackage(zipSync(rest)), 'no-manifest');
    await expectCode(readPackage(zipSync({ ...rest, 'manifest.json': strToU8('{"format": ') })), 'manifest-not-json');
    await expectCode(
      readPackage(zipSync({ ...rest, 'manifest.json': new Uint8Array([0xff, 0xfe]) })),
      'manifest-not-json',
    );
  });

  it.each(MANIFEST_EDITS)('rejects a manifest with %s', async (_label, change, code) => {
    const bytes = await repack(await writePackage(await fixture()), (_files, manifest) => change(manifest));
    await expectCode(readPackage(bytes), code);
  });

  it('reports the version of a newer format', async () => {
    const bytes = await repack(await writePackage(await fixture()), (_f, m) => (m.formatVersion = 3));
    const error = await expectCode(readPackage(bytes), 'newer-format');
    expect(shown(error, 'zh')).toContain('3');
    expect(shown(error, 'en')).toMatch(/format version 3 .* newer OuTu/);
  });

  it('rejects a manifest whose listed hash or size was edited', async () => {
    const bytes = await writePackage(await fixture());
    const editedHash = await repack(bytes, (_f, m) => (m.files['records.geojson']!.sha256 = '0'.repeat(64)), {
      relist: false,
    });
    expect((await expectCode(readPackage(editedHash), 'file-mismatch')).params.path).toBe('records.geojson');
    const editedSize = await repack(bytes, (_f, m) => (m.files['records.geojson']!.bytes += 1), { relist: false });
    await expectCode(readPackage(editedSize), 'file-mismatch');
  });

  it('rejects a records file edited without updating the manifest', async () => {
    const bytes = await repack(
      await writePackage(await fixture()),
      (files) => {
        files['records.geojson'] = strToU8(strFromU8(files['records.geojson']!).replace('围挡已拆除', '围挡未拆除'));
      },
      { relist: false },
    );
    await expectCode(readPackage(bytes), 'file-mismatch');
  });

  it('rejects a listed file that is missing and a file that is not listed', async () => {
    const bytes = await writePackage(await fixture());
    const photoPath = `blobs/${await sha256Hex(PHOTO)}`;
    const missing = await repack(bytes, (files) => delete files[photoPath], { relist: false });
    expect((await expectCode(readPackage(missing), 'file-missing')).params.path).toBe(photoPath);
    const noRecords = await repack(bytes, (files) => delete files['records.geojson']);
    await expectCode(readPackage(noRecords), 'file-missing');
    const extra = await repack(bytes, (files) => (files['notes.txt'] = strToU8('hi')), { relist: false });
    expect((await expectCode(readPackage(extra), 'unexpected-file')).params.path).toBe('notes.txt');
    // Listed but not a path a package may hold.
    const listedExtra = await repack(bytes, (files) => (files['../evil.json'] = strToU8('[]')));
    await expectCode(readPackage(listedExtra), 'unexpected-file');
  });

  it('rejects tables in an exchange package', async () => {
    const bytes = await repack(await writePackage(await changes()), (files) => {
      files['tables/settings.json'] = strToU8('[]');
    });
    await expectCode(readPackage(bytes), 'unexpected-file');
  });

  it('rejects a photo record whose blob is missing (removed from zip and manifest)', async () => {
    const photoPath = `blobs/${await sha256Hex(PHOTO)}`;
    const bytes = await repack(await writePackage(await fixture()), (files) => delete files[photoPath]);
    const error = await expectCode(readPackage(bytes), 'missing-blob');
    expect(error.params).toMatchObject({ id: 'p1', sha256: await sha256Hex(PHOTO) });
    const thumbPath = `blobs/${await sha256Hex(THUMB)}`;
    const noThumb = await repack(await writePackage(await fixture()), (files) => delete files[thumbPath]);
    await expectCode(readPackage(noThumb), 'missing-blob');
  });

  it('rejects a blob whose name is not its own SHA-256', async () => {
    const bytes = await repack(await writePackage(await fixture()), (files) => {
      files[`blobs/${'d'.repeat(64)}`] = strToU8('not what the name says');
    });
    const error = await expectCode(readPackage(bytes), 'blob-name-mismatch');
    expect(error.params.path).toBe(`blobs/${'d'.repeat(64)}`);
  });

  it('rejects invalid records, naming the record', async () => {
    const bytes = await repack(await writePackage(await fixture()), (files) => {
      files['records.geojson'] = strToU8(
        strFromU8(files['records.geojson']!).replace('"percent":100', '"percent":140'),
      );
    });
    const error = await expectCode(readPackage(bytes), 'invalid-record');
    expect(error.params).toMatchObject({ id: 'g1', detail: 'body.percent must be a number from 0 to 100' });
    expect(shown(error, 'en')).toMatch(/Record \d+ in the package \(g1\) is invalid/);
  });

  it('rejects a geometry that disagrees with the body', async () => {
    const bytes = await repack(await writePackage(await fixture()), (files) => {
      files['records.geojson'] = strToU8(
        strFromU8(files['records.geojson']!).replace('[120.6372,27.9551]', '[120,27]'),
      );
    });
    const error = await expectCode(readPackage(bytes), 'invalid-record');
    expect(error.params.detail).toMatch(/geometry/);
  });

  it('rejects a record that appears twice', async () => {
    const bytes = await repack(await writePackage(await changes()), (files, manifest) => {
      const geojson = JSON.parse(strFromU8(files['records.geojson']!));
      geojson.features.push(geojson.features[0]);
      files['records.geojson'] = strToU8(JSON.stringify(geojson));
      const counts = manifest.counts as Record<string, number>;
      counts.annotation = (counts.annotation ?? 0) + 1;
    });
    await expectCode(readPackage(bytes), 'duplicate-record');
  });

  it('rejects a records file that is not a FeatureCollection, and a table that is not an array', async () => {
    const bytes = await writePackage(await fixture());
    const notJson = await repack(bytes, (files) => (files['records.geojson'] = strToU8('{"type":')));
    await expectCode(readPackage(notJson), 'records-invalid');
    const notCollection = await repack(bytes, (files) => (files['records.geojson'] = strToU8('{"type":"Feature"}')));
    await expectCode(readPackage(notCollection), 'records-invalid');
    const badTable = await repack(bytes, (files) => (files['tables/settings.json'] = strToU8('{"a":1}')));
    expect((await expectCode(readPackage(badTable), 'table-invalid')).params.name).toBe('settings');
    const brokenTable = await repack(bytes, (files) => (files['tables/settings.json'] = strToU8('[1,')));
    await expectCode(readPackage(brokenTable), 'table-invalid');
  });
});

describe('writePackage refuses what readPackage would reject', () => {
  it('refuses a live photo without its blob', async () => {
    const input = await changes();
    await expectCode(writePackage({ ...input, blobs: new Map() }), 'missing-blob');
  });

  it('refuses a blob under a name that is not its SHA-256', async () => {
    const input = await changes();
    const blobs = new Map(input.blobs);
    blobs.set('e'.repeat(64), PHOTO);
    await expectCode(writePackage({ ...input, blobs }), 'blob-name-mismatch');
  });

  it('refuses invalid and duplicate records', async () => {
    const input = await changes();
    const broken = { ...progress('g9'), body: { ...progress('g9').body, percent: 101 } };
    const error = await expectCode(writePackage({ ...input, records: [...input.records, broken] }), 'invalid-record');
    expect(error.params).toMatchObject({ index: 7, id: 'g9' });
    await expectCode(writePackage({ ...input, records: [...input.records, annotation('a1')] }), 'duplicate-record');
  });

  it('refuses tables in an exchange package and table names that are not safe paths', async () => {
    const input = await fixture();
    await expectCode(writePackage({ ...input, kind: 'changes' }), 'unexpected-file');
    await expectCode(writePackage({ ...input, tables: { '../x': [] } }), 'unexpected-file');
  });
});

describe('packageErrorMessage', () => {
  it('names the catalogue text and its parameters, which fill in Chinese and English', () => {
    const error = new PackageError('file-missing', { path: 'records.geojson' });
    expect(shown(error, 'zh')).toBe('数据包缺少文件 records.geojson，可能不完整。');
    expect(shown(error, 'en')).toBe('The package lacks the file records.geojson; it may be incomplete.');
    expect(error.message).toContain('records.geojson');
    expect(error.name).toBe('PackageError');
  });
});
