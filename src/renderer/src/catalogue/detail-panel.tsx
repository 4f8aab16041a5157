import type { ReactNode } from 'react';
import type { Facility, FacilitySet } from '../../../shared/facilities';
import type { ProjectRow } from '../db/outu-db';
import { useI18n } from '../i18n/i18n-context';
import { PROJECT_CATEGORY_COLORS, FACILITY_CATEGORY_COLORS } from '../map/catalogue-colors';
import { countyLabel } from './county-select';
import { formatCapacity, formatYi } from './format';

export type DetailItem =
  { kind: 'project'; project: ProjectRow } | { kind: 'facility'; facility: Facility; set?: FacilitySet };

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}

/** Every attribute of the selected project or facility. */
export function DetailPanel({
  item,
  onClose,
  onZoom,
  whatIfClosed,
  onToggleWhatIfClosed,
  onAddToWhatIf,
  onAnnotate,
  fieldSection,
}: {
  item: DetailItem;
  onClose: () => void;
  onZoom: () => void;
  /** Set when the facility is in the coverage run on the map: whether the what-if closes it. */
  whatIfClosed?: boolean;
  onToggleWhatIfClosed?: () => void;
  /** Set when a coverage run is on the map: adds this project as a proposed facility. */
  onAddToWhatIf?: () => void;
  /** Starts a field annotation attached to this project or facility. */
  onAnnotate?: () => void;
  /** Progress history and position correction of a project. */
  fieldSection?: ReactNode;
}) {
  const { t, language } = useI18n();
  const county = (adcode: number | null) => countyLabel(adcode, language, t('county.none'));

  if (item.kind === 'project') {
    const p = item.project;
    return (
      <aside className="panel detail-panel" data-testid="detail-panel" aria-label={t('detail.project')}>
        <header className="panel-header">
          <span className="badge" style={{ background: PROJECT_CATEGORY_COLORS[p.category] }}>
            {t('detail.project')} {p.seq}
          </span>
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('detail.close')}>
            ×
          </button>
        </header>
        <h2 data-testid="detail-title">{p.name}</h2>
        <dl className="attributes">
          <Row label={t('col.category')}>{t(`projectCategory.${p.category}`)}</Row>
          <Row label={t('col.kind')}>{p.kind}</Row>
          <Row label={t('col.period')}>{p.period}</Row>
          <Row label={t('col.location')}>{p.location}</Row>
          <Row label={t('col.county')}>{county(p.countyAdcode)}</Row>
          <Row label={t('col.investmentTotal')} testId="detail-investment-total">
            {formatYi(p.investmentTotal, t)}
          </Row>
          <Row label={t('col.investmentPlan')} testId="detail-investment-plan">
            {formatYi(p.investmentPlan, t)}
          </Row>
          <Row label={t('col.agency')}>{p.agency}</Row>
          <Row label={t('col.content')}>{p.content}</Row>
          <Row label={t('col.precision')}>{t(`precision.${p.geocodePrecision}`)}</Row>
          <Row label={t('col.geocodeNote')}>{p.geocodeNote}</Row>
          {p.lon !== null && p.lat !== null && (
            <Row label={t('col.lonlat')}>{`${p.lon.toFixed(6)}, ${p.lat.toFixed(6)}`}</Row>
          )}
        </dl>
        {p.lon === null ? (
          <p className="muted">{t('detail.noPoint')}</p>
        ) : (
          <div className="button-row">
            <button type="button" onClick={onZoom}>
              {t('detail.zoom')}
            </button>
            {onAddToWhatIf && (
              <button type="button" onClick={onAddToWhatIf} data-testid="project-to-what-if">
                {t('detail.addToWhatIf')}
              </button>
            )}
            {onAnnotate && (
              <button type="button" onClick={onAnnotate} data-testid="detail-annotate">
                {t('field.annotateHere')}
              </button>
            )}
          </div>
        )}
        {fieldSection}
      </aside>
    );
  }

  const f = item.facility;
  const extra = Object.entries(f.extra);
  return (
    <aside className="panel detail-panel" data-testid="detail-panel" aria-label={t('detail.facility')}>
      <header className="panel-header">
        <span className="badge" style={{ background: FACILITY_CATEGORY_COLORS[f.category] }}>
          {t('detail.facility')}
        </span>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('detail.close')}>
          ×
        </button>
      </header>
      <h2 data-testid="detail-title">{f.name}</h2>
      {item.set?.isSample && <p className="warning">{t('facilities.sampleWarning')}</p>}
      <dl className="attributes">
        <Row label={t('col.category')}>{t(`facilityCategory.${f.category}`)}</Row>
        <Row label={t('col.status')}>{t(`facilityStatus.${f.status}`)}</Row>
        <Row label={t('col.county')}>{county(f.countyAdcode)}</Row>
        <Row label={t('col.capacity')}>{formatCapacity(f.capacity, t) || '—'}</Row>
        {f.address && <Row label={t('col.address')}>{f.address}</Row>}
        <Row label={t('col.lonlat')}>{`${f.lon.toFixed(6)}, ${f.lat.toFixed(6)}`}</Row>
        <Row label={t('col.set')}>
          {item.set?.kind === 'county-centres' ? t('facilities.countyCentres') : (item.set?.name ?? f.setId)}
        </Row>
      </dl>
      {extra.length > 0 && (
        <>
          <h3>{t('detail.extra')}</h3>
          <dl className="attributes">
            {extra.map(([key, value]) => (
              <Row key={key} label={key}>
                {value}
              </Row>
            ))}
          </dl>
        </>
      )}
      <div className="button-row">
        <button type="button" onClick={onZoom}>
          {t('detail.zoom')}
        </button>
        {onAnnotate && (
          <button type="button" onClick={onAnnotate} data-testid="detail-annotate">
            {t('field.annotateHere')}
          </button>
        )}
        {whatIfClosed !== undefined && onToggleWhatIfClosed && (
          <button type="button" onClick={onToggleWhatIfClosed} data-testid="what-if-close">
            {whatIfClosed ? t('whatif.reopen') : t('whatif.close')}
          </button>
        )}
      </div>
    </aside>
  );
}
