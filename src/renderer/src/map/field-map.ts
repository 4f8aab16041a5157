import * as maplibregl from 'maplibre-gl';

/** Click on an annotation selects it; the pointer shows what is clickable. Returns an unbind function. */
export function bindAnnotationClicks(map: maplibregl.Map, onSelect: (id: string) => void): () => void {
  const layer = 'annotation-point';
  const onClick = (event: maplibregl.MapLayerMouseEvent) => {
    const id = event.features?.[0]?.properties['id'];
    if (typeof id === 'string') onSelect(id);
  };
  const onEnter = () => (map.getCanvas().style.cursor = 'pointer');
  const onLeave = () => (map.getCanvas().style.cursor = '');
  map.on('click', layer, onClick);
  map.on('mouseenter', layer, onEnter);
  map.on('mouseleave', layer, onLeave);
  return () => {
    map.off('click', layer, onClick);
    map.off('mouseenter', layer, onEnter);
    map.off('mouseleave', layer, onLeave);
  };
}

/**
 * One draggable marker: the selected annotation (moves when dropped) or a project being corrected
 * (moves when the user saves). `onDrop` gets the WGS-84 position where it was let go.
 */
export class DragMarker {
  private readonly marker: maplibregl.Marker;

  constructor(
    map: maplibregl.Map,
    at: [number, number],
    color: string,
    testId: string,
    onDrop: (lon: number, lat: number) => void,
  ) {
    this.marker = new maplibregl.Marker({ draggable: true, color }).setLngLat(at).addTo(map);
    const element = this.marker.getElement();
    element.dataset.testid = testId;
    element.classList.add('drag-marker');
    this.marker.on('dragend', () => {
      const { lng, lat } = this.marker.getLngLat();
      onDrop(lng, lat);
    });
  }

  moveTo(at: [number, number]): void {
    const current = this.marker.getLngLat();
    if (current.lng !== at[0] || current.lat !== at[1]) this.marker.setLngLat(at);
  }

  position(): [number, number] {
    const { lng, lat } = this.marker.getLngLat();
    return [lng, lat];
  }

  remove(): void {
    this.marker.remove();
  }
}
