import { describe, expect, it } from 'vitest';
import { importSetIdentity, sha256Hex } from './sha256';

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('hashes only the viewed bytes of a subarray', async () => {
    const big = new TextEncoder().encode('xxabcxx');
    expect(await sha256Hex(big.subarray(2, 5))).toBe(await sha256Hex(new TextEncoder().encode('abc')));
  });

  it('derives a short set id from the hash', async () => {
    const identity = await importSetIdentity(new TextEncoder().encode('abc'));
    expect(identity).toEqual({
      setId: 'import-ba7816bf8f01cfea',
      sourceHash: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    });
  });
});
