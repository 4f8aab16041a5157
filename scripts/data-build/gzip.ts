import { gzipSync } from 'node:zlib';

const GZIP_OS_BYTE = 9;
const GZIP_OS_UNIX = 3;

/**
 * gzip with a fixed header: Node writes mtime 0, but the OS byte is zlib's compile-time OS code
 * (3 on Linux/macOS, 10 on Windows), so pin it to keep archives identical across platforms.
 */
export function gzip(data: Uint8Array): Uint8Array {
  const out = gzipSync(data, { level: 9 });
  out[GZIP_OS_BYTE] = GZIP_OS_UNIX;
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
