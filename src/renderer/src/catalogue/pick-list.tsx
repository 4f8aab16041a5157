import { useI18n } from '../i18n/i18n-context';
import type { CatalogueRef } from '../map/catalogue-map';

/** Lists the items of a cluster whose members share one point (e.g. projects at a county seat). */
export function PickList({
  items,
  onPick,
  onClose,
}: {
  items: { ref: CatalogueRef; name: string }[];
  onPick: (ref: CatalogueRef) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <div
      className="pick-list"
      role="dialog"
      aria-label={t('pick.title', { count: items.length })}
      data-testid="pick-list"
    >
      <header className="panel-header">
        <strong>{t('pick.title', { count: items.length })}</strong>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('pick.close')}>
          ×
        </button>
      </header>
      <ul>
        {items.map((item) => (
          <li key={item.ref.kind === 'project' ? `p${item.ref.seq}` : `f${item.ref.id}`}>
            <button type="button" className="text-button" onClick={() => onPick(item.ref)}>
              {item.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
