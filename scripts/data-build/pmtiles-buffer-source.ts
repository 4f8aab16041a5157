/** A `pmtiles` Source over bytes in memory, so the official reader can check what we wrote. */
import type { RangeResponse, Source } from 'pmtiles';

export class BufferSource implements Source {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly key = 'memory',
  ) {}

  getKey(): string {
    return this.key;
  }

  getBytes(offset: number, length: number): Promise<RangeResponse> {
    // The reader asks for the first 16 KiB even when the archive is shorter; slice() clamps.
    const slice = this.bytes.slice(offset, offset + length);
    return Promise.resolve({ data: slice.buffer });
  }
}
