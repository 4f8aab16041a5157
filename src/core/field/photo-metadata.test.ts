import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateMessage } from '../../shared/i18n/message';
import {
  PhotoError,
  exifDateTime,
  exifPosition,
  isSupportedPhoto,
  photoErrorMessage,
  readPhotoMetadata,
  sniffImageType,
} from './photo-metadata';

const PHOTOS = resolve(__dirname, '../../../e2e/fixtures/photos');

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(PHOTOS, name)));
}

function bytesOf(...parts: (string | number[])[]): Uint8Array {
  const out: number[] = [];
  for (const part of parts) {
    if (typeof part === 'string') for (const ch of part) out.push(ch.charCodeAt(0));
    else out.push(...part);
  }
  return new Uint8Array(out);
}

/** An ISO-BMFF 'ftyp' box (size, 'ftyp', major brand, minor version, compatible brands) plus padding. */
function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + 4 * compatible.length;
  return bytesOf(
    [0, 0, 0, size],
    'ftyp',
    major,
    [0, 0, 0, 0],
    ...compatible,
    [0, 0, 0, 8],
    'meta',
    new Array(32).fill(0),
  );
}

async function photoError(promise: Promise<unknown>): Promise<PhotoError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhotoError);
  return error as PhotoError;
}

describe('readPhotoMetadata on the fixtures', () => {
  it('reads time, GPS and orientation from site-a.jpg', async () => {
    const meta = await readPhotoMetadata(fixture('site-a.jpg'), 'site-a.jpg');
    expect(meta.mimeType).toBe('image/jpeg');
    expect(meta.takenAt).toBe('2026-11-20T10:15:00');
    expect(meta.exifLat).toBeCloseTo(27.9939, 9);
    expect(meta.exifLon).toBeCloseTo(120.6994, 9);
    expect(meta.orientation).toBe(1);
  });

  it('reads the time but no position from site-b.jpg', async () => {
    const meta = await readPhotoMetadata(fixture('site-b.jpg'), 'site-b.jpg');
    expect(meta).toEqual({
      mimeType: 'image/jpeg',
      takenAt: '2026-11-21T14:30:05',
      exifLon: null,
      exifLat: null,
      orientation: null,
    });
  });

  it('gives a PNG without EXIF its type and null metadata', async () => {
    expect(await readPhotoMetadata(fixture('no-exif.png'), 'no-exif.png')).toEqual({
      mimeType: 'image/png',
      takenAt: null,
      exifLon: null,
      exifLat: null,
      orientation: null,
    });
  });

  it('does not throw for a truncated JPEG: metadata is null', async () => {
    expect(await readPhotoMetadata(fixture('broken.jpg'), 'broken.jpg')).toEqual({
      mimeType: 'image/jpeg',
      takenAt: null,
      exifLon: null,
      exifLat: null,
      orientation: null,
    });
    const soiOnly = await readPhotoMetadata(new Uint8Array([0xff, 0xd8, 0xff]), 'x.jpg');
    expect(soiOnly.mimeType).toBe('image/jpeg');
    expect(soiOnly.takenAt).toBeNull();
  });

  it('sniffs the type from the bytes, not the name', async () => {
    const meta = await readPhotoMetadata(fixture('site-a.jpg'), 'renamed.png');
    expect(meta.mimeType).toBe('image/jpeg');
    expect(meta.takenAt).toBe('2026-11-20T10:15:00');
  });

  it('reads bytes that are a view into a larger buffer', async () => {
    const a = fixture('site-a.jpg');
    const big = new Uint8Array(a.length + 10);
    big.set(a, 7);
    const meta = await readPhotoMetadata(big.subarray(7, 7 + a.length), 'site-a.jpg');
    expect(meta.exifLat).toBeCloseTo(27.9939, 9);
    expect(meta.takenAt).toBe('2026-11-20T10:15:00');
  });
});

describe('readPhotoMetadata rejections', () => {
  it('rejects a non-image with a bilingual PhotoError', async () => {
    const error = await photoError(readPhotoMetadata(bytesOf('name,lon,lat\n'), 'sites.jpg'));
    expect(error.code).toBe('not-an-image');
    expect(error.fileName).toBe('sites.jpg');
    expect(error.reason).toEqual(photoErrorMessage('not-an-image'));
    expect(translateMessage('zh', error.reason)).toMatch(/不是图片/);
    expect(translateMessage('en', error.reason)).toBe(
      'Not an image file. Choose a JPEG, PNG, WebP, HEIC or GIF photo.',
    );
    expect(error.message).toContain('sites.jpg');
    expect(error.name).toBe('PhotoError');
  });

  it('rejects an empty file', async () => {
    expect((await photoError(readPhotoMetadata(new Uint8Array(0), 'empty.jpg'))).code).toBe('empty-file');
  });

  it('rejects recognised but unsupported image formats', async () => {
    const bmp = bytesOf('BM', new Array(40).fill(0));
    expect((await photoError(readPhotoMetadata(bmp, 'a.bmp'))).code).toBe('unsupported-format');
    const tiff = bytesOf([0x49, 0x49, 0x2a, 0x00], new Array(40).fill(0));
    expect((await photoError(readPhotoMetadata(tiff, 'a.tif'))).code).toBe('unsupported-format');
  });

  it('does not throw for a HEIC header with damaged content', async () => {
    const meta = await readPhotoMetadata(ftyp('heic', 'mif1', 'heic'), 'IMG_0001.HEIC');
    expect(meta).toEqual({ mimeType: 'image/heic', takenAt: null, exifLon: null, exifLat: null, orientation: null });
  });
});

describe('sniffImageType', () => {
  it('recognises the photo formats', () => {
    expect(sniffImageType(fixture('site-a.jpg'))).toBe('image/jpeg');
    expect(sniffImageType(fixture('no-exif.png'))).toBe('image/png');
    expect(sniffImageType(bytesOf('GIF89a', [1, 0, 1, 0]))).toBe('image/gif');
    expect(sniffImageType(bytesOf('GIF87a', [1, 0, 1, 0]))).toBe('image/gif');
    expect(sniffImageType(bytesOf('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(ftyp('heic', 'mif1', 'heic'))).toBe('image/heic');
    expect(sniffImageType(ftyp('mif1', 'mif1', 'heic'))).toBe('image/heic');
    expect(sniffImageType(ftyp('mif1', 'mif1'))).toBe('image/heif');
    expect(sniffImageType(ftyp('avif', 'avif', 'mif1', 'miaf'))).toBe('image/avif');
  });

  it('returns null for other files', () => {
    expect(sniffImageType(new Uint8Array(0))).toBeNull();
    expect(sniffImageType(bytesOf('%PDF-1.7\n'))).toBeNull();
    expect(sniffImageType(bytesOf('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniffImageType(ftyp('isom', 'isom', 'mp41'))).toBeNull(); // an MP4 video
    expect(sniffImageType(bytesOf([0x50, 0x4b, 0x03, 0x04]))).toBeNull(); // a zip
  });
});

describe('isSupportedPhoto', () => {
  it('accepts the photo formats only', () => {
    for (const mime of ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/gif']) {
      expect(isSupportedPhoto(mime)).toBe(true);
    }
    for (const mime of ['image/bmp', 'image/tiff', 'application/pdf', 'text/csv', '']) {
      expect(isSupportedPhoto(mime)).toBe(false);
    }
  });
});

describe('exifDateTime', () => {
  it('keeps the time as written', () => {
    expect(exifDateTime('2026:11:20 10:15:00')).toBe('2026-11-20T10:15:00');
    expect(exifDateTime('2026-11-20 23:59:59')).toBe('2026-11-20T23:59:59');
    expect(exifDateTime('2024:02:29 00:00:00\0')).toBe('2024-02-29T00:00:00');
  });

  it('rejects placeholders and impossible values', () => {
    expect(exifDateTime('0000:00:00 00:00:00')).toBeNull();
    expect(exifDateTime('    :  :     :  :  ')).toBeNull();
    expect(exifDateTime('2025:02:29 10:00:00')).toBeNull();
    expect(exifDateTime('2026:13:01 10:00:00')).toBeNull();
    expect(exifDateTime('2026:11:20 24:00:00')).toBeNull();
    expect(exifDateTime('')).toBeNull();
    expect(exifDateTime(undefined)).toBeNull();
    expect(exifDateTime(new Date())).toBeNull();
  });
});

describe('exifPosition', () => {
  it('converts degrees, minutes and seconds with the hemisphere', () => {
    const p = exifPosition({ GPSLatitude: [27, 59, 38.04], GPSLatitudeRef: 'N', GPSLongitude: [120, 41, 57.84] });
    expect(p.lat).toBeCloseTo(27.9939, 9);
    expect(p.lon).toBeCloseTo(120.6994, 9);
    const sw = exifPosition({
      GPSLatitude: [33, 52, 0],
      GPSLatitudeRef: 'S',
      GPSLongitude: 70.5,
      GPSLongitudeRef: 'W',
    });
    expect(sw.lat).toBeCloseTo(-33.8666667, 6);
    expect(sw.lon).toBe(-70.5);
  });

  it('gives nulls for missing, out-of-range and 0,0 positions', () => {
    const none = { lon: null, lat: null };
    expect(exifPosition({})).toEqual(none);
    expect(exifPosition({ GPSLatitude: [27, 59, 38] })).toEqual(none);
    expect(exifPosition({ GPSLatitude: [0, 0, 0], GPSLongitude: [0, 0, 0] })).toEqual(none);
    expect(exifPosition({ GPSLatitude: [95, 0, 0], GPSLongitude: [120, 0, 0] })).toEqual(none);
    expect(exifPosition({ GPSLatitude: [27, 0, 0], GPSLongitude: [181, 0, 0] })).toEqual(none);
    expect(exifPosition({ GPSLatitude: [27, Number.NaN, 0], GPSLongitude: [120, 0, 0] })).toEqual(none);
    expect(exifPosition({ GPSLatitude: 'north', GPSLongitude: [120, 0, 0] })).toEqual(none);
  });
});
