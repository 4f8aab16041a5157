import type { FieldRecordOf } from '../../shared/field';
import type { GeocodePrecision } from '../../shared/projects';

interface Placeable {
  seq: number;
  lon: number | null;
  lat: number | null;
  geocodePrecision: GeocodePrecision;
}

/** Who moved a project and from where; the shipped position stays in `original`. */
export interface PositionCorrection {
  by: string;
  at: string;
  original: { lon: number | null; lat: number | null; geocodePrecision: GeocodePrecision };
}

/**
 * Projects as shipped, with field corrections applied on top: a corrected project sits where it
 * was seen and is `site` precision. Shipped rows are never modified, so a data update cannot
 * overwrite field work and removing a correction restores the plan's position.
 */
export function applyPositionCorrections<P extends Placeable>(
  projects: readonly P[],
  positions: readonly FieldRecordOf<'position'>[],
): (P & { correction?: PositionCorrection })[] {
  const bySeq = new Map(positions.filter((p) => !p.deleted).map((p) => [p.body.projectSeq, p]));
  return projects.map((project) => {
    const position = bySeq.get(project.seq);
    if (!position) return project;
    return {
      ...project,
      lon: position.body.lon,
      lat: position.body.lat,
      geocodePrecision: 'site' as const,
      correction: { by: position.updatedBy, at: position.updatedAt, original: position.body.original },
    };
  });
}
