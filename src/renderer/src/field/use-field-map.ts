import { useEffect, useMemo, useRef } from 'react';
import type { FieldRecordOf } from '../../../shared/field';
import { bindAnnotationClicks, DragMarker } from '../map/field-map';
import { annotationCollection, showAnnotations } from '../map/field-layers';
import type { MapController } from '../map/map-controller';

/**
 * The map side of field work: the annotation layer, clicks that select, a draggable marker on the
 * selected annotation (dropping it moves the annotation), one on a project being corrected, and
 * the crosshair mode that adds an annotation where the user clicks.
 */
export function useFieldMap(
  controller: MapController | null,
  options: {
    annotations: readonly FieldRecordOf<'annotation'>[];
    photoCounts: ReadonlyMap<string, number>;
    selected: FieldRecordOf<'annotation'> | null;
    onSelect: (id: string) => void;
    onMoveSelected: (lon: number, lat: number) => void;
    placing: boolean;
    onPlaced: (lon: number, lat: number) => void;
    /** Where the project being corrected starts ('centre' for a project without a point); null when not correcting. */
    correctingFrom: [number, number] | 'centre' | null;
  },
) {
  const { annotations, photoCounts, selected, placing, correctingFrom } = options;
  const handlers = useRef(options);
  handlers.current = options;

  const collection = useMemo(() => annotationCollection(annotations, photoCounts), [annotations, photoCounts]);

  useEffect(() => {
    controller?.whenStyleReady(() => showAnnotations(controller.map, collection));
  }, [controller, collection]);

  useEffect(() => {
    if (!controller) return;
    let unbind = () => undefined as void;
    controller.whenStyleReady(() => {
      unbind = bindAnnotationClicks(controller.map, (id) => handlers.current.onSelect(id));
    });
    return () => unbind();
  }, [controller]);

  const selectedId = selected?.id ?? null;
  const selectedLon = selected?.body.lon;
  const selectedLat = selected?.body.lat;
  const marker = useRef<DragMarker | null>(null);
  useEffect(() => {
    if (!controller || !selectedId) return;
    const at = handlers.current.selected;
    if (!at) return;
    marker.current = new DragMarker(
      controller.map,
      [at.body.lon, at.body.lat],
      '#212121',
      'annotation-marker',
      (lon, lat) => handlers.current.onMoveSelected(lon, lat),
    );
    return () => {
      marker.current?.remove();
      marker.current = null;
    };
  }, [controller, selectedId]);
  useEffect(() => {
    if (selectedLon !== undefined && selectedLat !== undefined) marker.current?.moveTo([selectedLon, selectedLat]);
  }, [selectedLon, selectedLat]);

  const correction = useRef<DragMarker | null>(null);
  const correcting = correctingFrom !== null;
  useEffect(() => {
    if (!controller || !correcting) return;
    const start = handlers.current.correctingFrom;
    const centre = controller.map.getCenter();
    const from: [number, number] = Array.isArray(start) ? start : [centre.lng, centre.lat];
    correction.current = new DragMarker(controller.map, from, '#d500f9', 'correction-marker', () => undefined);
    return () => {
      correction.current?.remove();
      correction.current = null;
    };
  }, [controller, correcting]);

  useEffect(() => {
    if (!controller || !placing) return;
    const map = controller.map;
    map.getCanvas().style.cursor = 'crosshair';
    const onClick = (event: { lngLat: { lng: number; lat: number } }) =>
      handlers.current.onPlaced(event.lngLat.lng, event.lngLat.lat);
    map.once('click', onClick);
    return () => {
      map.off('click', onClick);
      map.getCanvas().style.cursor = '';
    };
  }, [controller, placing]);

  /** Where the correction marker is now (the user saves it explicitly). */
  return { correctionPosition: () => correction.current?.position() ?? null };
}
