/**
 * OuTu packages: one zip format for exchange packages between laptops and for full backups.
 *
 *   manifest.json        { format: 'outu-package', formatVersion: 1, kind: 'changes' | 'backup', packageId,
 *                          createdAt, author, appVersion, dataVersion, since, counts, files }
 *   records.geojson      FeatureCollection, one Feature per field record (record-features.ts)
 *   blobs/<sha256>       photo and thumbnail bytes, stored uncompressed
 *   tables/<name>.json   backups only: other database tables as JSON arrays
 */
export { writePackage, type PackageInput } from './package-write';
export { readPackage, type PackageContents } from './package-read';
export { PackageError, packageErrorMessage, type PackageErrorCode, type PackageErrorParams } from './package-error';
export {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_KINDS,
  type PackageKind,
  type PackageManifest,
  type PackageFileEntry,
} from './package-manifest';
export { validateFieldRecord } from './validate-record';
