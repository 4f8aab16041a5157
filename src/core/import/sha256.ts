/**
 * SHA-256 through Web Crypto, which both Node 20 (globalThis.crypto) and browsers/workers provide,
 * so core needs no node:crypto import. Async because crypto.subtle is.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Copy into a plain ArrayBuffer: subtle.digest refuses views on SharedArrayBuffer.
  const digest = await crypto.subtle.digest('SHA-256', bytes.slice().buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Set id and source hash of an imported file: the same bytes always give the same set. */
export async function importSetIdentity(bytes: Uint8Array): Promise<{ setId: string; sourceHash: string }> {
  const sourceHash = await sha256Hex(bytes);
  // 64 bits of the hash keep ids short; collisions between a user's own files are not a concern.
  return { setId: `import-${sourceHash.slice(0, 16)}`, sourceHash };
}
