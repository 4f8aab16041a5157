/**
 * Types for exifr's "lite" ES build (JPEG, HEIC and AVIF; IFD0, EXIF, GPS and XMP). exifr ships
 * types only for its package root, and those reference Node's types, which the renderer program
 * must not pull in; this declares just the part photo-metadata.ts uses.
 */
declare module 'exifr/dist/lite.esm.mjs' {
  interface SegmentOptions {
    pick?: (string | number)[];
    skip?: (string | number)[];
  }

  export interface LiteOptions {
    ifd0?: SegmentOptions | boolean;
    ifd1?: SegmentOptions | boolean;
    exif?: SegmentOptions | boolean;
    gps?: SegmentOptions | boolean;
    interop?: SegmentOptions | boolean;
    xmp?: SegmentOptions | boolean;
    icc?: boolean;
    iptc?: boolean;
    jfif?: boolean;
    makerNote?: boolean;
    userComment?: boolean;
    pick?: (string | number)[];
    translateKeys?: boolean;
    translateValues?: boolean;
    reviveValues?: boolean;
    sanitize?: boolean;
    mergeOutput?: boolean;
    silentErrors?: boolean;
  }

  /** Resolves to undefined when the file has no metadata; rejects on an unknown file format. */
  export function parse(
    input: Uint8Array | ArrayBuffer | DataView,
    options?: LiteOptions,
  ): Promise<Record<string, unknown> | undefined>;
}
