import { open, type FileHandle } from 'node:fs/promises';
import type { ByteRange } from './byte-range';

/** Ranges up to this size are read in one go (PMTiles tiles and directories, glyphs, GeoJSON). */
export const BUFFER_LIMIT = 1024 * 1024;
const CHUNK_SIZE = 256 * 1024;

async function readExactly(handle: FileHandle, range: ByteRange): Promise<Uint8Array> {
  const length = range.end - range.start + 1;
  const buffer = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, range.start + filled);
    if (bytesRead === 0) break; // file shrank underneath us
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}

function streamRange(handle: FileHandle, range: ByteRange): ReadableStream<Uint8Array> {
  let position = range.start;
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const size = Math.min(CHUNK_SIZE, range.end - position + 1);
        const chunk = new Uint8Array(size);
        const { bytesRead } = await handle.read(chunk, 0, size, position);
        position += bytesRead;
        if (bytesRead > 0) controller.enqueue(chunk.subarray(0, bytesRead));
        if (bytesRead === 0 || position > range.end) {
          await close();
          controller.close();
        }
      } catch (error) {
        await close().catch(() => undefined);
        controller.error(error);
      }
    },
    cancel: close,
  });
}

/**
 * The bytes of `range` of a file: a buffer for small ranges, otherwise a stream that closes the
 * file when done or cancelled. Throws (before any byte is sent) if the file cannot be opened.
 */
export async function fileBody(filePath: string, range: ByteRange): Promise<Uint8Array | ReadableStream<Uint8Array>> {
  if (range.end < range.start) return new Uint8Array(0);
  const handle = await open(filePath, 'r');
  if (range.end - range.start + 1 > BUFFER_LIMIT) return streamRange(handle, range);
  try {
    return await readExactly(handle, range);
  } finally {
    await handle.close();
  }
}
