/**
 * Bytes → text for CSV/GeoJSON/KML. Chinese Excel saves "CSV" in GBK unless the user picks
 * "CSV UTF-8", so a file that is not valid UTF-8 is read as GB18030 (a superset of GBK and GB2312).
 */
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** True when the file started with a byte-order mark (which is not part of `text`). */
  bom: boolean;
}

/**
 * UTF-16 only with a BOM (Excel's "Unicode text" export always writes one); UTF-8 when the bytes
 * are strictly valid UTF-8 (plain ASCII included); otherwise GB18030.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: utf16(bytes.subarray(2), 'le'), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: utf16(bytes.subarray(2), 'be'), encoding: 'utf-16be', bom: true };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    // fatal: a single invalid sequence means this is not UTF-8, rather than text with U+FFFD in it.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8', bom };
  } catch {
    return { text: decodeGb18030(body), encoding: 'gb18030', bom: false };
  }
}

function utf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  return new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(bytes);
}

/**
 * iconv-lite first (same tables in every Node build); it needs a Buffer implementation, which a
 * browser worker may lack, so the WHATWG decoder (gb18030 is required by the Encoding Standard,
 * hence present in Chromium) is the fallback.
 */
export function decodeGb18030(bytes: Uint8Array): string {
  try {
    return iconv.decode(bytes, 'gb18030');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
