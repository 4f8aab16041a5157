/**
 * JPEG thumbnail of a photo, upright (EXIF orientation applied by the decoder). Browser only.
 * Returns null for anything the browser cannot decode (e.g. HEIC in Chromium, damaged files); it
 * never throws for a bad image.
 */
export interface Thumbnail {
  thumbnail: Blob;
  /** Size of the decoded, upright original in pixels. */
  width: number;
  height: number;
}

const JPEG_QUALITY = 0.8;

async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
}

export async function makeThumbnail(blob: Blob, maxSide = 320): Promise<Thumbnail | null> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  try {
    const { width, height } = bitmap;
    if (width === 0 || height === 0) return null;
    const scale = Math.min(1, maxSide / Math.max(width, height));
    const thumbWidth = Math.max(1, Math.round(width * scale));
    const thumbHeight = Math.max(1, Math.round(height * scale));
    const thumbnail = await encodeJpeg(bitmap, thumbWidth, thumbHeight);
    return thumbnail ? { thumbnail, width, height } : null;
  } catch {
    return null;
  } finally {
    bitmap.close();
  }
}
