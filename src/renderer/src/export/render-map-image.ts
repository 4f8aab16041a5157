import * as maplibregl from 'maplibre-gl';
import { addMountainHatch, CJK_FONT_FAMILY } from '../map/map-controller';

/** What to show: the main map's view as it is, or a fitted extent (a county, the whole city). */
export type MapExtent = { kind: 'view' } | { kind: 'bounds'; bounds: [number, number, number, number] };

export interface MapImageRequest {
  widthPx: number;
  heightPx: number;
  dpi: number;
  extent: MapExtent;
  format: 'png' | 'jpeg';
  signal?: AbortSignal;
}

export interface MapImage {
  bytes: Uint8Array;
  format: 'png' | 'jpeg';
  /** Ground metres per image pixel at the centre, for the scale bar. */
  metresPerPixel: number;
  bearing: number;
}

const CSS_DPI = 96;
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

function abortError(): Error {
  return new DOMException('Export cancelled', 'AbortError');
}

/**
 * Renders the main map's content (same style, layers and data) into an off-screen map at the
 * sheet's pixel size and DPI: MapLibre draws at `pixelRatio = dpi / 96`, so lines and labels keep
 * their printed size and the image is rendered at full resolution, not upscaled.
 */
export async function renderMapImage(source: maplibregl.Map, request: MapImageRequest): Promise<MapImage> {
  if (request.signal?.aborted) throw abortError();
  const pixelRatio = request.dpi / CSS_DPI;
  const cssWidth = request.widthPx / pixelRatio;
  const cssHeight = request.heightPx / pixelRatio;
  const container = document.createElement('div');
  Object.assign(container.style, {
    position: 'fixed',
    left: '-20000px',
    top: '0',
    width: `${cssWidth}px`,
    height: `${cssHeight}px`,
    visibility: 'hidden',
  });
  document.body.append(container);

  const view = source.getCanvas().getBoundingClientRect();
  const camera =
    request.extent.kind === 'view'
      ? {
          center: source.getCenter(),
          // Everything visible on screen fits in the frame whatever its shape.
          zoom: source.getZoom() + Math.log2(Math.min(cssWidth / view.width, cssHeight / view.height)),
          bearing: source.getBearing(),
        }
      : {
          bounds: request.extent.bounds,
          fitBoundsOptions: { padding: Math.round(Math.min(cssWidth, cssHeight) * 0.04) },
        };

  const map = new maplibregl.Map({
    container,
    style: source.getStyle(),
    pixelRatio,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    localIdeographFontFamily: CJK_FONT_FAMILY,
    canvasContextAttributes: { preserveDrawingBuffer: true, antialias: true },
    minZoom: 0,
    maxZoom: 18,
    ...camera,
  });
  addMountainHatch(map);
  try {
    await new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(abortError());
      request.signal?.addEventListener('abort', onAbort, { once: true });
      map.once('error', (event) => reject((event as unknown as { error?: Error }).error ?? new Error('map error')));
      map.once('idle', () => {
        request.signal?.removeEventListener('abort', onAbort);
        resolve();
      });
    });
    const canvas = map.getCanvas();
    if (Math.abs(canvas.width - request.widthPx) > 1 || Math.abs(canvas.height - request.heightPx) > 1)
      throw new Error(
        `the graphics card drew ${canvas.width}×${canvas.height} px instead of ${request.widthPx}×${request.heightPx}; choose a smaller paper size or 150 DPI`,
      );
    const blob = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, request.format === 'png' ? 'image/png' : 'image/jpeg', 0.92),
    );
    if (!blob) throw new Error('the map image could not be encoded');
    const centre = map.getCenter();
    const metresPerCssPixel =
      (EARTH_CIRCUMFERENCE_M * Math.cos((centre.lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
    return {
      bytes: new Uint8Array(await blob.arrayBuffer()),
      format: request.format,
      metresPerPixel: metresPerCssPixel / pixelRatio,
      bearing: map.getBearing(),
    };
  } finally {
    map.remove();
    container.remove();
  }
}
