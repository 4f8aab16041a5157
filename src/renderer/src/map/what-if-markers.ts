import * as maplibregl from 'maplibre-gl';

export interface MarkerSpec {
  id: string;
  lon: number;
  lat: number;
}

/**
 * Draggable markers for proposed facilities. Kept in step with the list by id, so React can
 * re-render freely without tearing down a marker the user is dragging.
 */
export class WhatIfMarkers {
  private readonly markers = new Map<string, maplibregl.Marker>();

  constructor(
    private readonly map: maplibregl.Map,
    private readonly onMove: (id: string, lon: number, lat: number) => void,
  ) {}

  sync(specs: readonly MarkerSpec[]): void {
    const wanted = new Set(specs.map((s) => s.id));
    for (const [id, marker] of this.markers) {
      if (wanted.has(id)) continue;
      marker.remove();
      this.markers.delete(id);
    }
    for (const spec of specs) {
      const existing = this.markers.get(spec.id);
      if (existing) {
        const at = existing.getLngLat();
        if (at.lng !== spec.lon || at.lat !== spec.lat) existing.setLngLat([spec.lon, spec.lat]);
        continue;
      }
      const marker = new maplibregl.Marker({ draggable: true, color: '#d500f9' })
        .setLngLat([spec.lon, spec.lat])
        .addTo(this.map);
      marker.getElement().dataset.proposedId = spec.id;
      marker.getElement().classList.add('proposed-marker');
      const report = () => {
        const { lng, lat } = marker.getLngLat();
        this.onMove(spec.id, lng, lat);
      };
      marker.on('drag', report);
      marker.on('dragend', report);
      this.markers.set(spec.id, marker);
    }
  }

  dispose(): void {
    for (const marker of this.markers.values()) marker.remove();
    this.markers.clear();
  }
}
