import gcoord from 'gcoord';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { MapController } from '../map/map-controller';

interface Cursor {
  lng: number;
  lat: number;
}

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
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [zoom, setZoom] = useState<number | null>(null);

  useEffect(() => {
    if (!controller) return;
    const map = controller.map;
    const onMove = (e: { lngLat: Cursor }) => setCursor({ lng: e.lngLat.lng, lat: e.lngLat.lat });
    const onOut = () => setCursor(null);
    const onZoom = () => setZoom(map.getZoom());
    onZoom();
    map.on('mousemove', onMove);
    map.on('mouseout', onOut);
    map.on('zoom', onZoom);
    return () => {
      map.off('mousemove', onMove);
      map.off('mouseout', onOut);
      map.off('zoom', onZoom);
    };
  }, [controller]);

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
