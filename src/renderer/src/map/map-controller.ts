import type { FeatureCollection, Point } from 'geojson';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Facility } from '../../../shared/facilities';
import type { ProjectRow } from '../db/outu-db';
import type { Language } from '../i18n/translate';
import { MOUNTAIN_HATCH_IMAGE } from './layer-types';
import { BASEMAP_PMTILES_KEY, buildBasemapStyle, countyLabelField } from './basemap-style';
import {
  bindCatalogueInteractions,
  showFacilities,
  showProjects,
  showSelection,
  type CatalogueInteractionHandlers,
} from './catalogue-map';
import { showCoverage, showSitingSites } from './coverage-layers';
import { bindAnnotationClicks, DragMarker } from './field-map';
import { showAnnotations } from './field-layers';
import { clearFileOverlay, showFileOverlay } from './file-overlay';
import { hatchPattern, hexToRgb } from './hatch-pattern';
import { opacityProperties, orderedStyleLayers, type LayerState } from './layer-state';
import { MAP_COLORS } from './map-colors';
import { registerPmtiles } from './pmtiles-buffer-source';
import { WhatIfMarkers } from './what-if-markers';

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

/** A file opened for the session, drawn above the basemap. */
export interface FileOverlayView {
  collection: FeatureCollection;
  bbox: [number, number, number, number];
}

/** Where the pointer is over the map, in WGS-84; null once it has left the map. */
export type PointerPosition = { lng: number; lat: number } | null;

/**
 * Owns the MapLibre map: React components, hooks and stores talk to the map only through this
 * class. Layer updates wait for the style themselves, so callers never check whether it has loaded.
 */
export class MapController {
  /** Private: everything outside this class goes through the methods below (the export render through exportSnapshotSource). */
  private readonly map: maplibregl.Map;
  private language: Language;
  private styleReady = false;
  /** Set while this map moves the other of a locked pair, so the other's move does not echo back. */
  private cameraSyncing = false;
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

  /** The centre of the view, [lon, lat]. */
  centre(): [number, number] {
    const { lng, lat } = this.map.getCenter();
    return [lng, lat];
  }

  /**
   * The app's main map (not a comparison map): published for end-to-end tests and the devtools
   * console, and its first idle marked for the startup timing.
   */
  publishAsMainMap(): void {
    window.__outuMap = this.map;
    this.map.once('idle', () => {
      performance.mark('outu:map-idle');
      document.documentElement.dataset.mapIdle = 'true';
    });
  }

  /**
   * A comparison map beside this one: published for end-to-end tests, and each camera follows the
   * other (a flag stops the echo). Returns the function that unlinks them.
   */
  lockCameraAsComparison(main: MapController): () => void {
    window.__outuSplitMap = this.map;
    const follow = (from: maplibregl.Map, to: maplibregl.Map) => () => {
      if (this.cameraSyncing) return;
      this.cameraSyncing = true;
      to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
      this.cameraSyncing = false;
    };
    const mainMoved = follow(main.map, this.map);
    const thisMoved = follow(this.map, main.map);
    main.map.on('move', mainMoved);
    this.map.on('move', thisMoved);
    this.whenStyleReady(mainMoved);
    return () => {
      main.map.off('move', mainMoved);
      this.map.off('move', thisMoved);
      if (window.__outuSplitMap === this.map) delete window.__outuSplitMap;
    };
  }

  /**
   * Waits for one click anywhere on the map, showing a crosshair until then, and hands over where it
   * was. Returns a function that stops waiting (and restores the cursor) if the user gives up.
   */
  pickPoint(onPick: (lon: number, lat: number) => void): () => void {
    const canvas = this.map.getCanvas();
    canvas.style.cursor = 'crosshair';
    const onClick = (event: maplibregl.MapMouseEvent) => {
      canvas.style.cursor = '';
      onPick(event.lngLat.lng, event.lngLat.lat);
    };
    this.map.once('click', onClick);
    return () => {
      this.map.off('click', onClick);
      canvas.style.cursor = '';
    };
  }

  /** Reports the pointer position and the zoom (at once, then on every change). Returns an unbind function. */
  trackPointer(onPointer: (at: PointerPosition) => void, onZoom: (zoom: number) => void): () => void {
    const map = this.map;
    const move = (event: maplibregl.MapMouseEvent) => onPointer({ lng: event.lngLat.lng, lat: event.lngLat.lat });
    const out = () => onPointer(null);
    const zoom = () => onZoom(map.getZoom());
    zoom();
    map.on('mousemove', move);
    map.on('mouseout', out);
    map.on('zoom', zoom);
    return () => {
      map.off('mousemove', move);
      map.off('mouseout', out);
      map.off('zoom', zoom);
    };
  }

  /** A draggable marker (the selected annotation, a project being corrected); the caller removes it. */
  addDragMarker(at: [number, number], color: string, testId: string, onDrop: (lon: number, lat: number) => void) {
    return new DragMarker(this.map, at, color, testId, onDrop);
  }

  /** Draggable markers for the what-if's proposed facilities; the caller syncs and disposes them. */
  addProposedMarkers(onMove: (id: string, lon: number, lat: number) => void): WhatIfMarkers {
    return new WhatIfMarkers(this.map, onMove);
  }

  showProjects(projects: readonly ProjectRow[]): void {
    this.whenStyleReady(() => showProjects(this.map, projects));
  }

  showFacilities(facilities: readonly Facility[], sampleSetIds: ReadonlySet<string>): void {
    this.whenStyleReady(() => showFacilities(this.map, facilities, sampleSetIds));
  }

  /** Rings the selected project or facility; null clears the ring. */
  showSelection(point: [number, number] | null): void {
    this.whenStyleReady(() => showSelection(this.map, point));
  }

  showAnnotations(collection: FeatureCollection<Point>): void {
    this.whenStyleReady(() => showAnnotations(this.map, collection));
  }

  /** Coverage bands, the uncovered population and the 2SFCA points of the run on the map (null clears). */
  showCoverage(bands: FeatureCollection | null, uncovered: FeatureCollection | null, access: FeatureCollection | null) {
    this.whenStyleReady(() => showCoverage(this.map, bands, uncovered, access));
  }

  showSitingSites(sites: readonly { rank: number; lon: number; lat: number }[]): void {
    this.whenStyleReady(() => showSitingSites(this.map, sites));
  }

  /** Shows an opened file and frames it, or removes the one shown (null). */
  showFileOverlay(overlay: FileOverlayView | null): void {
    this.whenStyleReady(() => {
      if (!overlay) return clearFileOverlay(this.map);
      showFileOverlay(this.map, overlay.collection);
      this.fitBounds(overlay.bbox);
    });
  }

  /** Clicks, hover tips and clusters of the project and facility layers. Returns an unbind function. */
  bindCatalogueInteractions(handlers: CatalogueInteractionHandlers): () => void {
    return this.bindWhenStyleReady(() => bindCatalogueInteractions(this.map, handlers));
  }

  /** A click on an annotation selects it. Returns an unbind function. */
  bindAnnotationClicks(onSelect: (id: string) => void): () => void {
    return this.bindWhenStyleReady(() => bindAnnotationClicks(this.map, onSelect));
  }

  /**
   * The map an export copies: the off-screen render reads its style, camera and canvas size and
   * draws the sheet in a copy of its own, never on the map on screen.
   */
  exportSnapshotSource(): maplibregl.Map {
    return this.map;
  }

  /** Binds once the layers exist; unbinding before then means it never binds. */
  private bindWhenStyleReady(bind: () => () => void): () => void {
    let unbind: (() => void) | null = null;
    let cancelled = false;
    this.whenStyleReady(() => {
      if (!cancelled) unbind = bind();
    });
    return () => {
      cancelled = true;
      unbind?.();
    };
  }

  destroy(): void {
    this.map.remove();
  }
}
