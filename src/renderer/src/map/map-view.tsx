import { useEffect, useRef } from 'react';
import type { Language } from '../i18n/translate';
import type { LayerState } from './layer-state';
import { MapController } from './map-controller';

interface MapViewProps {
  dataBaseUrl: string;
  archive: ArrayBuffer;
  language: Language;
  layerState: LayerState;
  attribution: string;
  onReady: (controller: MapController) => void;
}

/** Mounts the map once; later prop changes are applied through the controller, never by re-creating it. */
export function MapView({ dataBaseUrl, archive, language, layerState, attribution, onReady }: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<MapController | null>(null);
  const initial = useRef({ dataBaseUrl, archive, language, layerState, attribution, onReady });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const controller = new MapController({ container, basemapArchive: initial.current.archive, ...initial.current });
    controllerRef.current = controller;
    controller.publishAsMainMap();
    initial.current.onReady(controller);
    return () => {
      controllerRef.current = null;
      controller.destroy();
    };
  }, []);

  useEffect(() => {
    const controller = controllerRef.current;
    if (!controller) return;
    controller.whenStyleReady(() => controller.applyLayerState(layerState));
  }, [layerState]);

  useEffect(() => controllerRef.current?.setLanguage(language), [language]);
  useEffect(() => controllerRef.current?.setAttribution(attribution), [attribution]);

  return <div ref={containerRef} className="map" data-testid="map" />;
}
