import { useEffect, useRef } from 'react';
import type { DragMarker } from '../map/field-map';
import type { MapController } from '../map/map-controller';

/**
 * The marker the user drags to where a project really is, while its position is being corrected.
 * It starts on the project (`from`), or at the centre of the view for a project without a point;
 * null when not correcting. The caller reads `position()` when the user saves.
 */
export function useCorrectionMarker(controller: MapController | null, from: [number, number] | 'centre' | null) {
  const marker = useRef<DragMarker | null>(null);
  const start = useRef(from);
  start.current = from;
  const correcting = from !== null;

  useEffect(() => {
    if (!controller || !correcting) return;
    const at = start.current;
    const position = Array.isArray(at) ? at : controller.centre();
    marker.current = controller.addDragMarker(position, '#d500f9', 'correction-marker', () => undefined);
    return () => {
      marker.current?.remove();
      marker.current = null;
    };
  }, [controller, correcting]);

  return { position: () => marker.current?.position() ?? null };
}
