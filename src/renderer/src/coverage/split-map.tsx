import { useEffect, useRef } from 'react';
import type { Language } from '../i18n/translate';
import type { LayerState } from '../map/layer-state';
import { MapController } from '../map/map-controller';
import type { AnalysisOutput } from '../analysis/analysis-protocol';

/**
 * The right half of a scenario comparison: a second map with the same basemap, its camera locked
 * to the main map's, showing scenario B's coverage while the main map shows scenario A's.
 */
export function SplitMap({
  main,
  dataBaseUrl,
  archive,
  language,
  layerState,
  attribution,
  output,
  label,
}: {
  main: MapController;
  dataBaseUrl: string;
  archive: ArrayBuffer;
  language: Language;
  layerState: LayerState;
  attribution: string;
  /** The scenario's coverage (a compared scenario has no 2SFCA layer). */
  output: AnalysisOutput | null;
  label: string;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const initial = useRef({ dataBaseUrl, archive, language, layerState, attribution });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const controller = new MapController({ container, basemapArchive: initial.current.archive, ...initial.current });
    controllerRef.current = controller;
    const unlock = controller.lockCameraAsComparison(main);
    return () => {
      unlock();
      controllerRef.current = null;
      controller.destroy();
    };
  }, [main]);

  useEffect(() => {
    const controller = controllerRef.current;
    controller?.whenStyleReady(() => {
      controller.applyLayerState(layerState);
      controller.showCoverage(output?.bands ?? null, output?.uncovered ?? null, null);
    });
  }, [output, layerState]);

  return (
    <div className="split-map" data-testid="split-map">
      <div ref={containerRef} className="map" />
      <span className="split-label">{label}</span>
    </div>
  );
}
