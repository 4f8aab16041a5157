import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { WhatIfMarkers } from '../map/what-if-markers';
import { useAppStores } from '../stores/app-stores';
import { useCoverageSession } from './coverage-session';

/**
 * The coverage run on the main map: bands, uncovered people and 2SFCA points (scenario A while
 * comparing), the suggested sites, the draggable proposed facilities and the click that places one.
 */
export function CoverageMapEffects() {
  const { map, ui, coverage } = useAppStores();
  const controller = useStore(map, (s) => s.controller);
  const placing = useStore(ui, (s) => s.placing === 'proposed-facility');
  const { coverageOutput, shownOutput, shownAccess } = useCoverageSession();
  const proposed = useStore(coverage, (s) => s.whatIf.proposed);
  const sitingSites = useStore(coverage, (s) => s.siting.result?.sites);
  const { addProposed, moveProposed } = coverage.getState();

  useEffect(() => {
    controller?.showCoverage(shownOutput?.bands ?? null, shownOutput?.uncovered ?? null, shownAccess);
  }, [controller, shownOutput, shownAccess]);

  useEffect(() => {
    controller?.showSitingSites(coverageOutput ? (sitingSites ?? []) : []);
  }, [controller, sitingSites, coverageOutput]);

  useEffect(() => {
    if (!controller || !placing) return;
    return controller.pickPoint((lon, lat) => {
      addProposed(lon, lat);
      ui.getState().stopPlacing();
    });
  }, [controller, placing, addProposed, ui]);

  const markersRef = useRef<WhatIfMarkers | null>(null);
  useEffect(() => {
    if (!controller) return;
    const markers = controller.addProposedMarkers(moveProposed);
    markersRef.current = markers;
    return () => markers.dispose();
  }, [controller, moveProposed]);
  useEffect(() => markersRef.current?.sync(proposed), [proposed]);

  return null;
}
