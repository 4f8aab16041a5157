import type { Feature, FeatureCollection, Point } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import type { Facility } from '../../../shared/facilities';
import type { ProjectRow } from '../db/outu-db';
import { SOURCE_IDS } from './layer-types';

export type CatalogueRef = { kind: 'project'; seq: number } | { kind: 'facility'; id: string };

export function projectCollection(projects: readonly ProjectRow[]): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const p of projects) {
    if (p.lon === null || p.lat === null) continue;
    features.push({
      type: 'Feature',
      properties: { seq: p.seq, name: p.name, category: p.category, investmentTotal: p.investmentTotal },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    });
  }
  return { type: 'FeatureCollection', features };
}

export function facilityCollection(
  facilities: readonly Facility[],
  sampleSetIds: ReadonlySet<string>,
): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: facilities.map((f) => ({
      type: 'Feature',
      properties: { id: f.id, name: f.name, category: f.category, isSample: sampleSetIds.has(f.setId) },
      geometry: { type: 'Point', coordinates: [f.lon, f.lat] },
    })),
  };
}

function setData(map: maplibregl.Map, sourceId: string, data: FeatureCollection): void {
  const source = map.getSource<maplibregl.GeoJSONSource>(sourceId);
  source?.setData(data);
}

export function showProjects(map: maplibregl.Map, projects: readonly ProjectRow[]): void {
  setData(map, SOURCE_IDS.projects, projectCollection(projects));
}

export function showFacilities(
  map: maplibregl.Map,
  facilities: readonly Facility[],
  sampleSetIds: ReadonlySet<string>,
) {
  setData(map, SOURCE_IDS.facilities, facilityCollection(facilities, sampleSetIds));
}

export function showSelection(map: maplibregl.Map, point: [number, number] | null): void {
  setData(map, SOURCE_IDS.selection, {
    type: 'FeatureCollection',
    features: point ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: point } }] : [],
  });
}

export interface CatalogueInteractionHandlers {
  onSelect: (ref: CatalogueRef) => void;
  /** Several items at one spot (e.g. projects at one county seat): let the user pick. */
  onPickMany: (refs: CatalogueRef[], at: [number, number]) => void;
  tooltip: (ref: CatalogueRef) => string | null;
}

const refOf = (feature: maplibregl.MapGeoJSONFeature): CatalogueRef | null => {
  const props = feature.properties;
  if (feature.layer.id === 'project-point') return { kind: 'project', seq: Number(props['seq']) };
  if (feature.layer.id === 'facility-point') return { kind: 'facility', id: String(props['id']) };
  return null;
};

/** Click, hover and cluster behaviour for the project and facility layers. Returns an unbind function. */
export function bindCatalogueInteractions(map: maplibregl.Map, handlers: CatalogueInteractionHandlers): () => void {
  const pointLayers = ['project-point', 'facility-point'];
  const clusterLayers = ['project-cluster', 'facility-cluster'];
  const popup = new maplibregl.Popup({ closeButton: false, closeOnClick: false, offset: 10, className: 'hover-tip' });

  const onClick = async (event: maplibregl.MapMouseEvent) => {
    const layers = [...pointLayers, ...clusterLayers].filter((id) => map.getLayer(id));
    const hit = map.queryRenderedFeatures(event.point, { layers })[0];
    if (!hit) return;
    const ref = refOf(hit);
    if (ref) return handlers.onSelect(ref);
    const sourceId = hit.layer.id === 'project-cluster' ? SOURCE_IDS.projects : SOURCE_IDS.facilities;
    const source = map.getSource<maplibregl.GeoJSONSource>(sourceId);
    const clusterId = Number(hit.properties['cluster_id']);
    if (!source) return;
    const at = (hit.geometry as Point).coordinates as [number, number];
    const [expansionZoom, leaves] = await Promise.all([
      source.getClusterExpansionZoom(clusterId),
      source.getClusterLeaves(clusterId, 200, 0),
    ]);
    const key = (f: Feature) => JSON.stringify((f.geometry as Point).coordinates);
    const allAtOneSpot = leaves.every((leaf) => key(leaf) === key(leaves[0]!));
    if (!allAtOneSpot && expansionZoom <= map.getMaxZoom()) {
      map.easeTo({ center: at, zoom: Math.max(expansionZoom, map.getZoom() + 1) });
      return;
    }
    const refs = leaves.map((leaf) =>
      sourceId === SOURCE_IDS.projects
        ? ({ kind: 'project', seq: Number(leaf.properties?.['seq']) } as const)
        : ({ kind: 'facility', id: String(leaf.properties?.['id']) } as const),
    );
    handlers.onPickMany(refs, at);
  };

  const onMove = (event: maplibregl.MapMouseEvent) => {
    const layers = [...pointLayers, ...clusterLayers].filter((id) => map.getLayer(id));
    const hit = map.queryRenderedFeatures(event.point, { layers })[0];
    map.getCanvas().style.cursor = hit ? 'pointer' : '';
    const ref = hit ? refOf(hit) : null;
    const text = ref ? handlers.tooltip(ref) : null;
    if (!text) {
      popup.remove();
      return;
    }
    popup.setLngLat(event.lngLat).setText(text).addTo(map);
  };

  const onLeave = () => popup.remove();
  map.on('click', onClick);
  map.on('mousemove', onMove);
  map.on('mouseout', onLeave);
  return () => {
    map.off('click', onClick);
    map.off('mousemove', onMove);
    map.off('mouseout', onLeave);
    popup.remove();
  };
}
