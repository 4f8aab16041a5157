/**
 * The version of the analysis engine: part of every cached coverage run's key, so a result stored
 * before an algorithm change is never shown as if the changed engine had computed it.
 *
 * engine-version.test.ts runs coverage, equity and 2SFCA on fixed synthetic fixtures and hashes
 * every number they return. When that fingerprint changes, the engine's answers changed: bump
 * ENGINE_VERSION and record the new fingerprint here, in the same commit.
 */
export const ENGINE_VERSION = '3';

/** sha256 of the fixtures' outputs under ENGINE_VERSION (see engine-version.test.ts). */
export const ENGINE_FINGERPRINT = 'dd74b5eae4cafa6ccb465e221ca6261b9ae69ec039341c2ffa33d5b766ee0d1b';
