import { useEffect, useRef } from 'react';
import type { Facility } from '../../../shared/facilities';
import type { ProjectRow } from '../db/outu-db';
import {
  bindCatalogueInteractions,
  showFacilities,
  showProjects,
  showSelection,
  type CatalogueInteractionHandlers,
  type CatalogueRef,
} from '../map/catalogue-map';
import type { MapController } from '../map/map-controller';

/** Keeps the project, facility and selection layers in step with the filtered lists. */
export function useCatalogueMap(
  controller: MapController | null,
  projects: readonly ProjectRow[],
  facilities: readonly Facility[],
  sampleSetIds: ReadonlySet<string>,
  selectedPoint: [number, number] | null,
  handlers: CatalogueInteractionHandlers,
) {
  const handlersRef = useRef(handlers);
  handlersRef.current = handlers;

  useEffect(() => {
    if (!controller) return;
    let unbind = () => undefined as void;
    controller.whenStyleReady(() => {
      unbind = bindCatalogueInteractions(controller.map, {
        onSelect: (ref: CatalogueRef) => handlersRef.current.onSelect(ref),
        onPickMany: (refs, at) => handlersRef.current.onPickMany(refs, at),
        tooltip: (ref) => handlersRef.current.tooltip(ref),
      });
    });
    return () => unbind();
  }, [controller]);

  useEffect(() => {
    controller?.whenStyleReady(() => showProjects(controller.map, projects));
  }, [controller, projects]);

  useEffect(() => {
    controller?.whenStyleReady(() => showFacilities(controller.map, facilities, sampleSetIds));
  }, [controller, facilities, sampleSetIds]);

  useEffect(() => {
    controller?.whenStyleReady(() => showSelection(controller.map, selectedPoint));
  }, [controller, selectedPoint]);
}
