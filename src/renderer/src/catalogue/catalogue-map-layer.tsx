import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useAppStores } from '../stores/app-stores';

/** Keeps the project, facility and selection layers in step with the filtered lists; clicks select. */
export function CatalogueMapLayer() {
  const { map, catalogue, catalogueView, ui } = useAppStores();
  const controller = useStore(map, (s) => s.controller);
  const projects = useStore(catalogueView, (s) => s.shownProjects);
  const facilities = useStore(catalogueView, (s) => s.shownFacilities);
  const selectedPoint = useStore(catalogueView, (s) => s.selectedPoint);
  const sampleSetIds = useStore(catalogue, (s) => s.sampleSetIds);

  useEffect(
    () =>
      controller?.bindCatalogueInteractions({
        onSelect: (ref) => ui.getState().selectCatalogueItem(ref, { fly: false }),
        onPickMany: (refs) => ui.getState().showPick(refs),
        tooltip: (ref) => catalogueView.getState().nameOf(ref),
      }),
    [controller, ui, catalogueView],
  );

  useEffect(() => controller?.showProjects(projects), [controller, projects]);
  useEffect(() => controller?.showFacilities(facilities, sampleSetIds), [controller, facilities, sampleSetIds]);
  useEffect(() => controller?.showSelection(selectedPoint), [controller, selectedPoint]);

  return null;
}
