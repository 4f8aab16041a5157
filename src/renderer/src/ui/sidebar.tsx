import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

export type SidebarTab = 'layers' | 'projects' | 'facilities' | 'coverage' | 'field';
const TABS: SidebarTab[] = ['layers', 'projects', 'facilities', 'coverage', 'field'];

export function Sidebar({
  tab,
  onTabChange,
  onClose,
  children,
}: {
  tab: SidebarTab;
  onTabChange: (tab: SidebarTab) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <aside className="panel sidebar" data-testid="sidebar">
      <header className="sidebar-tabs" role="tablist">
        {TABS.map((id) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={tab === id ? 'active' : undefined}
            onClick={() => onTabChange(id)}
            data-testid={`tab-${id}`}
          >
            {t(`tab.${id}`)}
          </button>
        ))}
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('layers.close')}>
          ×
        </button>
      </header>
      <div className="sidebar-body" role="tabpanel">
        {children}
      </div>
    </aside>
  );
}
