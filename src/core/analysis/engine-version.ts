/**
 * The version of the analysis engine: part of every cached coverage run's key, so a result stored
 * before an algorithm change is never shown as if the changed engine had computed it.
 *
 * engine-version.test.ts runs coverage, equity and 2SFCA on fixed synthetic fixtures and hashes
 * every number they return. When that fingerprint changes, the engine's answers changed: bump
 * ENGINE_VERSION and record the new fingerprint here, in the same commit.
 */
export const ENGINE_VERSION = '4';

/** sha256 of the fixtures' outputs under ENGINE_VERSION (see engine-version.test.ts). */
export const ENGINE_FINGERPRINT = '2092c294925e1e9797d76c64b52dbc357eaab2491d4c9ae8135db390aaa5b7c1';
