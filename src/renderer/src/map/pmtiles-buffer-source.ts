import { PMTiles, Protocol, type RangeResponse, type Source } from 'pmtiles';

/**
 * Serves a PMTiles archive from memory. The archive is a few MB and local, so reading it once
 * avoids depending on HTTP range support in the custom protocol or the test server.
 */
export class BufferSource implements Source {
  constructor(
    private readonly key: string,
    private readonly buffer: ArrayBuffer,
  ) {}

  getKey(): string {
    return this.key;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.buffer.slice(offset, offset + length) };
  }
}

let protocol: Protocol | undefined;

/** Registers the archive under pmtiles://<key>; returns the protocol for MapLibre's addProtocol. */
export function registerPmtiles(key: string, buffer: ArrayBuffer): Protocol {
  // No metadata: attribution comes from the app's own catalogue (and the About dialog), not the archive.
  protocol ??= new Protocol({ metadata: false });
  protocol.add(new PMTiles(new BufferSource(key, buffer)));
  return protocol;
}
