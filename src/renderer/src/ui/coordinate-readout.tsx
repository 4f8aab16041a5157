import gcoord from 'gcoord';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { MapController, PointerPosition } from '../map/map-controller';

const fmt = (value: number) => value.toFixed(6);

/** Shows the pointer position in WGS-84 and, on request, in GCJ-02 (what Amap/Tencent use). */
export function CoordinateReadout({
  controller,
  showGcj,
  onShowGcjChange,
}: {
  controller: MapController | null;
  showGcj: boolean;
  onShowGcjChange: (show: boolean) => void;
}) {
  const { t } = useI18n();
  const [cursor, setCursor] = useState<PointerPosition>(null);
  const [zoom, setZoom] = useState<number | null>(null);

  useEffect(() => controller?.trackPointer(setCursor, setZoom), [controller]);

  const gcj = cursor && showGcj ? gcoord.transform([cursor.lng, cursor.lat], gcoord.WGS84, gcoord.GCJ02) : null;
  return (
    <div className="coordinate-readout" data-testid="coordinate-readout">
      {cursor ? (
        <span>
          {t('coords.wgs84')} {fmt(cursor.lng)}, {fmt(cursor.lat)}
          {gcj && (
            <>
              {' · '}
              {t('coords.gcj02')} {fmt(gcj[0])}, {fmt(gcj[1])}
            </>
          )}
        </span>
      ) : (
        <span className="muted">{t('coords.outside')}</span>
      )}
      {zoom !== null && <span className="muted">{t('coords.zoom', { zoom: zoom.toFixed(1) })}</span>}
      <label className="gcj-toggle">
        <input type="checkbox" checked={showGcj} onChange={(e) => onShowGcjChange(e.target.checked)} />
        {t('coords.showGcj')}
      </label>
    </div>
  );
}
