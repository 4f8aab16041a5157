import { useEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { DragMarker } from '../map/field-map';
import { annotationCollection } from '../map/field-layers';
import { useAppStores } from '../stores/app-stores';

/**
 * The map side of field work: the annotation layer, clicks that select, a draggable marker on the
 * selected annotation (dropping it moves the annotation), and the crosshair mode that adds an
 * annotation where the user clicks.
 */
export function FieldMapLayer() {
  const { map, field, ui } = useAppStores();
  const controller = useStore(map, (s) => s.controller);
  const annotations = useStore(field, (s) => s.snapshot.annotations);
  const photoCounts = useStore(field, (s) => s.photoCounts);
  const placing = useStore(ui, (s) => s.placing === 'annotation');
  const selected = useStore(ui, (s) => s.selectedAnnotationId);
  const selectedAnnotation = annotations.find((a) => a.id === selected);

  const collection = useMemo(() => annotationCollection(annotations, photoCounts), [annotations, photoCounts]);
  useEffect(() => controller?.showAnnotations(collection), [controller, collection]);

  useEffect(() => controller?.bindAnnotationClicks((id) => ui.getState().selectAnnotation(id)), [controller, ui]);

  const selectedId = selectedAnnotation?.id ?? null;
  const selectedLon = selectedAnnotation?.body.lon;
  const selectedLat = selectedAnnotation?.body.lat;
  const marker = useRef<DragMarker | null>(null);
  useEffect(() => {
    const at = field.getState().snapshot.annotations.find((a) => a.id === selectedId);
    if (!controller || !at) return;
    marker.current = controller.addDragMarker(
      [at.body.lon, at.body.lat],
      '#212121',
      'annotation-marker',
      (lon, lat) => void field.getState().moveAnnotation(at.id, lon, lat),
    );
    return () => {
      marker.current?.remove();
      marker.current = null;
    };
  }, [controller, selectedId, field]);
  // Undo, redo or a merge can move the selected annotation: its marker follows.
  useEffect(() => {
    if (selectedLon !== undefined && selectedLat !== undefined) marker.current?.moveTo([selectedLon, selectedLat]);
  }, [selectedLon, selectedLat]);

  useEffect(() => {
    if (!controller || !placing) return;
    return controller.pickPoint((lon, lat) => {
      ui.getState().stopPlacing();
      void field.getState().createAnnotation({ lon, lat });
    });
  }, [controller, placing, field, ui]);

  return null;
}
