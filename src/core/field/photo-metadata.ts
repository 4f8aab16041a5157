/**
 * What a field photo says about itself: its real type (from the bytes, not the extension) and the
 * EXIF capture time, GPS position and orientation. Pure: runs in the renderer and under Node.
 *
 * EXIF is read with exifr's "lite" build, which covers the formats cameras and phones write EXIF
 * into (JPEG, HEIC/HEIF, AVIF) and, unlike the full build, has no Node-only file-system code.
 * Damaged or missing metadata is never an error: the fields are just null.
 */
import { parse as parseExif } from 'exifr/dist/lite.esm.mjs';
import type { Message } from '../../shared/i18n/message';

export interface PhotoMetadata {
  /** Sniffed from the bytes, e.g. 'image/jpeg'. */
  mimeType: string;
  /** EXIF capture time as written ('YYYY-MM-DDTHH:mm:ss', camera local time, no zone conversion). */
  takenAt: string | null;
  /** WGS-84 from the EXIF GPS block; both null unless both are present and plausible. */
  exifLon: number | null;
  exifLat: number | null;
  /** EXIF orientation 1–8. */
  orientation: number | null;
}

export type PhotoErrorCode = 'empty-file' | 'not-an-image' | 'unsupported-format';

/** The catalogue text (`photoError.<code>`) the UI shows for a rejected photo. */
export function photoErrorMessage(code: PhotoErrorCode): Message {
  return { key: `photoError.${code}` };
}

/** A file that cannot be attached as a photo. `reason` is for the UI; `message` is for logs. */
export class PhotoError extends Error {
  readonly code: PhotoErrorCode;
  readonly fileName: string;
  readonly reason: Message;

  constructor(code: PhotoErrorCode, fileName: string) {
    super(`${fileName}: ${code}`);
    this.name = 'PhotoError';
    this.code = code;
    this.fileName = fileName;
    this.reason = photoErrorMessage(code);
  }
}

const SUPPORTED = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/avif',
  'image/gif',
]);

/** Formats exifr lite reads EXIF from. */
const EXIF_FORMATS = new Set(['image/jpeg', 'image/heic', 'image/heif', 'image/avif']);

export function isSupportedPhoto(mimeType: string): boolean {
  return SUPPORTED.has(mimeType);
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  if (bytes.length < start + length) return '';
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'heif']);

/** ISO-BMFF ('ftyp' box) image: HEIC, AVIF or plain HEIF, from the major and compatible brands. */
function sniffFtyp(bytes: Uint8Array): string | null {
  if (ascii(bytes, 4, 4) !== 'ftyp') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Compatible brands run to the end of the box; a handful is plenty, however large the box claims to be.
  const boxEnd = Math.min(view.getUint32(0), bytes.length, 256);
  const brands = [ascii(bytes, 8, 4)];
  for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(bytes, at, 4));
  if (brands.some((b) => AVIF_BRANDS.has(b))) return 'image/avif';
  if (brands.some((b) => HEIC_BRANDS.has(b))) return 'image/heic';
  if (brands.some((b) => HEIF_BRANDS.has(b))) return 'image/heif';
  return null;
}

/** The image type from its magic bytes, or null when the bytes are not a known image format. */
export function sniffImageType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  const gif = ascii(bytes, 0, 6);
  if (gif === 'GIF87a' || gif === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  if (bytes.length >= 12) {
    const ftyp = sniffFtyp(bytes);
    if (ftyp) return ftyp;
  }
  // Recognised so the message can say "unsupported format" rather than "not an image".
  if (ascii(bytes, 0, 2) === 'BM') return 'image/bmp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  return null;
}

const EXIF_OPTIONS = {
  ifd0: { pick: ['Orientation'] },
  exif: { pick: ['DateTimeOriginal', 'CreateDate'] },
  gps: { pick: ['GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef'] },
  ifd1: false,
  interop: false,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  makerNote: false,
  userComment: false,
  translateKeys: true,
  // Raw values: Orientation as a number, dates as the EXIF string (no Date, so no zone conversion).
  translateValues: false,
  reviveValues: false,
  mergeOutput: true,
  silentErrors: true,
};

/** 'YYYY:MM:DD HH:mm:ss' (EXIF; some writers use '-' or 'T') → 'YYYY-MM-DDTHH:mm:ss', or null. */
export function exifDateTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  if (y < 1900 || h > 23 || mi > 59 || s > 59) return null;
  // Rejects 0000:00:00-style placeholders and impossible days such as 02-30.
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
}

/** Degrees from an EXIF GPS coordinate ([deg, min, sec] or plain degrees) and its N/S/E/W ref. */
function gpsDegrees(value: unknown, ref: unknown, negativeRef: string): number | null {
  let degrees: number;
  if (typeof value === 'number') degrees = value;
  else if (Array.isArray(value) && value.length >= 1 && value.length <= 3 && value.every((v) => typeof v === 'number'))
    degrees = (value as number[]).reduce((sum, v, i) => sum + v / 60 ** i, 0);
  else return null;
  if (!Number.isFinite(degrees)) return null;
  const negative = typeof ref === 'string' && ref.trim().toUpperCase() === negativeRef;
  return negative ? -degrees : degrees;
}

/** WGS-84 position from EXIF tags, or nulls when missing, out of range or the 0,0 placeholder. */
export function exifPosition(tags: Record<string, unknown>): { lon: number | null; lat: number | null } {
  const lat = gpsDegrees(tags.GPSLatitude, tags.GPSLatitudeRef, 'S');
  const lon = gpsDegrees(tags.GPSLongitude, tags.GPSLongitudeRef, 'W');
  if (lat === null || lon === null) return { lon: null, lat: null };
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return { lon: null, lat: null };
  return { lon, lat };
}

async function readExif(bytes: Uint8Array): Promise<Record<string, unknown>> {
  try {
    return (await parseExif(bytes, EXIF_OPTIONS)) ?? {};
  } catch {
    // Damaged or unusual files: metadata is optional, the photo is still attached.
    return {};
  }
}

/**
 * Type and EXIF metadata of a photo. Throws PhotoError when the bytes are empty, not an image, or
 * an image format that cannot be attached; never throws because of damaged metadata.
 */
export async function readPhotoMetadata(bytes: Uint8Array, name: string): Promise<PhotoMetadata> {
  if (bytes.length === 0) throw new PhotoError('empty-file', name);
  const mimeType = sniffImageType(bytes);
  if (mimeType === null) throw new PhotoError('not-an-image', name);
  if (!isSupportedPhoto(mimeType)) throw new PhotoError('unsupported-format', name);

  const tags = EXIF_FORMATS.has(mimeType) ? await readExif(bytes) : {};
  const { lon, lat } = exifPosition(tags);
  const orientation = tags.Orientation;
  return {
    mimeType,
    takenAt: exifDateTime(tags.DateTimeOriginal) ?? exifDateTime(tags.CreateDate),
    exifLon: lon,
    exifLat: lat,
    orientation:
      typeof orientation === 'number' && Number.isInteger(orientation) && orientation >= 1 && orientation <= 8
        ? orientation
        : null,
  };
}
