/**
 * A short, stable key for a row without an ID column. Synchronous (unlike crypto.subtle) so 50,000
 * rows cost nothing; 53 bits make a collision within one file negligible (~1e-7 at 50,000 rows).
 */
export function rowKey(cells: readonly string[]): string {
  // cyrb53 (public domain, bryc): two 32-bit multiply-xorshift lanes combined into 53 bits.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const text = cells.join('\u001f');
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `r${n.toString(16).padStart(14, '0')}`;
}
