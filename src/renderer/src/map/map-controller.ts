import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Language } from '../i18n/translate';
import { MOUNTAIN_HATCH_IMAGE } from './layer-types';
import { BASEMAP_PMTILES_KEY, buildBasemapStyle, countyLabelField } from './basemap-style';
import { hatchPattern, hexToRgb } from './hatch-pattern';
import { opacityProperties, orderedStyleLayers, type LayerState } from './layer-state';
import { MAP_COLORS } from './map-colors';
import { registerPmtiles } from './pmtiles-buffer-source';

maplibregl.setWorkerUrl(workerUrl);

/** WGS-84 extent of Wenzhou (from the county boundaries) with a margin for context. */
export const CITY_BOUNDS: [number, number, number, number] = [119.62, 27.04, 121.27, 28.62];
const MAX_BOUNDS: [number, number, number, number] = [118.9, 26.5, 122.0, 29.2];

/** System CJK fonts, in order of preference on Linux, Windows and macOS. */
export const CJK_FONT_FAMILY =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export interface MapControllerOptions {
  container: HTMLElement;
  dataBaseUrl: string;
  basemapArchive: ArrayBuffer;
  language: Language;
  layerState: LayerState;
  attribution: string;
}

let protocolAdded = false;

/** The hatch of the mountain counties is an image, not part of the style: every map adds it. */
export function addMountainHatch(map: maplibregl.Map): void {
  if (map.hasImage(MOUNTAIN_HATCH_IMAGE)) return;
  map.addImage(MOUNTAIN_HATCH_IMAGE, hatchPattern(16, hexToRgb(MAP_COLORS.mountainHatch)), { pixelRatio: 2 });
}

/** Owns the MapLibre map: React components talk to the map only through this class. */
export class MapController {
  readonly map: maplibregl.Map;
  private language: Language;
  private styleReady = false;
  private attributionControl: maplibregl.AttributionControl;

  constructor(options: MapControllerOptions) {
    const protocol = registerPmtiles(BASEMAP_PMTILES_KEY, options.basemapArchive);
    if (!protocolAdded) {
      maplibregl.addProtocol('pmtiles', protocol.tile);
      protocolAdded = true;
    }
    this.language = options.language;
    this.map = new maplibregl.Map({
      container: options.container,
      style: buildBasemapStyle(options),
      bounds: CITY_BOUNDS,
      fitBoundsOptions: { padding: 24 },
      maxBounds: MAX_BOUNDS,
      minZoom: 6,
      maxZoom: 16,
      localIdeographFontFamily: CJK_FONT_FAMILY,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
      attributionControl: false,
    });
    this.map.once('load', () => {
      this.styleReady = true;
    });
    // Added before any tile is parsed: a tile laid out while the pattern is missing stays unpatterned.
    addMountainHatch(this.map);
    this.map.on('styleimagemissing', (event: { id: string }) => {
      if (event.id === MOUNTAIN_HATCH_IMAGE) addMountainHatch(this.map);
    });
    this.map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    this.map.addControl(new maplibregl.ScaleControl({ maxWidth: 140, unit: 'metric' }), 'bottom-left');
    this.attributionControl = new maplibregl.AttributionControl({
      compact: true,
      customAttribution: options.attribution,
    });
    this.map.addControl(this.attributionControl, 'bottom-right');
  }

  /**
   * Runs `task` once the style has loaded, at once if it already has. Not map.isStyleLoaded(): that
   * turns false again whenever a source is loading, and 'load' fires only once.
   */
  whenStyleReady(task: () => void): void {
    if (this.styleReady) task();
    else this.map.once('load', task);
  }

  /** Applies visibility, opacity and order without rebuilding the style. */
  applyLayerState(state: LayerState): void {
    const style = this.map.getStyle();
    if (!style) return;
    const ordered = orderedStyleLayers(state);
    const basemapIds = new Set(['background', ...ordered.map(({ def }) => def.layer.id)]);
    // Layers added on top of the basemap (opened files, analysis results) stay on top.
    const firstOverlayId = style.layers.find((l) => !basemapIds.has(l.id))?.id;
    for (const { def, group } of ordered) {
      const id = def.layer.id;
      if (!this.map.getLayer(id)) continue;
      this.map.setLayoutProperty(id, 'visibility', group.visible ? 'visible' : 'none');
      for (const property of opacityProperties(def.layer.type)) {
        this.map.setPaintProperty(id, property, def.baseOpacity * group.opacity);
      }
      // Moving each layer up to the overlays, in bottom-to-top order, reproduces the whole order.
      this.map.moveLayer(id, firstOverlayId);
    }
  }

  setLanguage(language: Language): void {
    if (language === this.language) return;
    this.language = language;
    if (this.map.getLayer('county-label')) {
      this.map.setLayoutProperty('county-label', 'text-field', countyLabelField(language));
    }
  }

  setAttribution(text: string): void {
    this.map.removeControl(this.attributionControl);
    this.attributionControl = new maplibregl.AttributionControl({ compact: true, customAttribution: text });
    this.map.addControl(this.attributionControl, 'bottom-right');
  }

  fitBounds(bbox: [number, number, number, number]): void {
    this.map.fitBounds(bbox, { padding: 48, maxZoom: 15 });
  }

  /** Keeps the camera's centre clear of a panel drawn over the right side of the map. */
  setRightInset(pixels: number): void {
    // setPadding jumps, which would cut short a flight already under way: only when it changes.
    if (this.map.getPadding().right === pixels) return;
    this.map.setPadding({ top: 0, bottom: 0, left: 0, right: pixels });
  }

  flyTo(center: [number, number], zoom = 13): void {
    this.map.flyTo({ center, zoom: Math.max(zoom, this.map.getZoom()), essential: true });
  }

  zoomToCity(): void {
    this.map.fitBounds(CITY_BOUNDS, { padding: 24 });
  }

  destroy(): void {
    this.map.remove();
  }
}
