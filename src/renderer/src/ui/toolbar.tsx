import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

interface ToolbarProps {
  search: ReactNode;
  tableOpen: boolean;
  onToggleTable: () => void;
  layerPanelOpen: boolean;
  onToggleLayers: () => void;
  onZoomToCity: () => void;
  onToggleLanguage: () => void;
  onAbout: () => void;
  onOpenFile: () => void;
  onIndicators: () => void;
  onExport: () => void;
}

export function Toolbar({
  search,
  tableOpen,
  onToggleTable,
  layerPanelOpen,
  onToggleLayers,
  onZoomToCity,
  onToggleLanguage,
  onAbout,
  onOpenFile,
  onIndicators,
  onExport,
}: ToolbarProps) {
  const { t } = useI18n();
  return (
    <header className="toolbar">
      <h1 className="brand">
        {t('app.title')}
        <small>{t('app.subtitle')}</small>
      </h1>
      {search}
      <nav className="toolbar-actions">
        <button type="button" aria-pressed={layerPanelOpen} onClick={onToggleLayers} data-testid="toggle-layers">
          {t('toolbar.layers')}
        </button>
        <button
          type="button"
          aria-pressed={tableOpen}
          onClick={onToggleTable}
          title={t('toolbar.tableTitle')}
          data-testid="toggle-table"
        >
          {t('toolbar.table')}
        </button>
        <button type="button" onClick={onIndicators} data-testid="open-indicators">
          {t('toolbar.indicators')}
        </button>
        <button type="button" onClick={onExport} title={t('toolbar.exportTitle')} data-testid="open-export">
          {t('toolbar.export')}
        </button>
        <button type="button" onClick={onOpenFile} title={t('toolbar.openFileTitle')} data-testid="open-file">
          {t('toolbar.openFile')}
        </button>
        <button type="button" onClick={onZoomToCity} title={t('toolbar.zoomToCityTitle')}>
          {t('toolbar.zoomToCity')}
        </button>
        <button
          type="button"
          onClick={onToggleLanguage}
          title={t('toolbar.languageTitle')}
          data-testid="toggle-language"
        >
          {t('toolbar.language')}
        </button>
        <button type="button" onClick={onAbout} data-testid="open-about">
          {t('toolbar.about')}
        </button>
      </nav>
    </header>
  );
}
