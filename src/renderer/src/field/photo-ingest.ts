import { readPhotoMetadata } from '../../../core/field/photo-metadata';
import { sha256Hex } from '../../../core/import/sha256';
import type { PhotoBody } from '../../../shared/field';
import type { BlobRow } from '../db/outu-db';
import { makeThumbnail } from './photo-thumbnail';

export interface IngestedPhoto {
  body: PhotoBody;
  blobs: BlobRow[];
}

/**
 * Turns a file from disk into a photo record and its blobs: the original bytes untouched (so the
 * hash proves a photo survived exchange intact) plus a small JPEG thumbnail for the gallery.
 * Throws PhotoError for files that are not images.
 */
export async function ingestPhoto(file: File, annotationId: string): Promise<IngestedPhoto> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const meta = await readPhotoMetadata(bytes, file.name);
  const sha256 = await sha256Hex(bytes);
  const original = new Blob([bytes], { type: meta.mimeType });
  const blobs: BlobRow[] = [{ sha256, type: meta.mimeType, size: bytes.length, blob: original }];
  const thumb = await makeThumbnail(original);
  let thumbSha256: string | null = null;
  if (thumb) {
    const thumbBytes = new Uint8Array(await thumb.thumbnail.arrayBuffer());
    thumbSha256 = await sha256Hex(thumbBytes);
    blobs.push({ sha256: thumbSha256, type: 'image/jpeg', size: thumbBytes.length, blob: thumb.thumbnail });
  }
  return {
    blobs,
    body: {
      annotationId,
      name: file.name,
      mimeType: meta.mimeType,
      size: bytes.length,
      sha256,
      thumbSha256,
      width: thumb?.width ?? null,
      height: thumb?.height ?? null,
      takenAt: meta.takenAt,
      exifLon: meta.exifLon,
      exifLat: meta.exifLat,
    },
  };
}
