import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { pageSizeMm, type SheetSpec } from '../../../core/sheet/sheet-spec';

/** Pixel size of a sheet at its DPI: A4 portrait at 300 DPI is 2480 × 3508. */
export function sheetPixels(spec: Pick<SheetSpec, 'paper' | 'orientation' | 'dpi'>): { width: number; height: number } {
  const { w, h } = pageSizeMm(spec.paper, spec.orientation);
  return { width: Math.round((w / 25.4) * spec.dpi), height: Math.round((h / 25.4) * spec.dpi) };
}

/**
 * The PNG of a sheet is the PDF sheet drawn by pdf.js at the target DPI, so both formats come
 * from one layout and one painter. Glyphs are drawn from the embedded font as paths (no
 * FontFace, no eval), which the strict CSP allows.
 */
export async function rasterizePdfPage(
  pdfBytes: Uint8Array,
  spec: Pick<SheetSpec, 'paper' | 'orientation' | 'dpi'>,
): Promise<Uint8Array> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const document = await pdfjs.getDocument({
    data: pdfBytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  try {
    const page = await document.getPage(1);
    const size = sheetPixels(spec);
    const base = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: size.width / base.width });
    const canvas = window.document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size.width, size.height);
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the sheet image could not be encoded');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    await document.destroy();
  }
}
