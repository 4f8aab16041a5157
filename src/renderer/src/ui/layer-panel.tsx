import { useI18n } from '../i18n/i18n-context';
import { layerGroup } from '../map/layer-groups';
import { move, setOpacity, setVisible, type LayerState } from '../map/layer-state';
import { Legend, type CoverageLegend } from './legend';

interface LayerPanelProps {
  state: LayerState;
  onChange: (next: LayerState) => void;
  onReset: () => void;
  coverage?: CoverageLegend | null;
}

export function LayerPanel({ state, onChange, onReset, coverage }: LayerPanelProps) {
  const { t } = useI18n();
  return (
    <section className="layer-panel" aria-label={t('layers.title')} data-testid="layer-panel">
      <p className="hint">{t('layers.orderHint')}</p>
      <ol className="layer-list">
        {state.map((group, index) => {
          const def = layerGroup(group.id);
          const name = t(def.label);
          return (
            <li key={group.id} className="layer-row" data-layer-id={group.id}>
              <label className="layer-toggle">
                <input
                  type="checkbox"
                  checked={group.visible}
                  onChange={(e) => onChange(setVisible(state, group.id, e.target.checked))}
                  aria-label={t('layers.visible', { name })}
                />
                <span className="layer-name">{name}</span>
              </label>
              {def.note && <span className="layer-note">{t(def.note)}</span>}
              <div className="layer-controls">
                <input
                  type="range"
                  min={0}
                  max={100}
                  step={5}
                  value={Math.round(group.opacity * 100)}
                  onChange={(e) => onChange(setOpacity(state, group.id, Number(e.target.value) / 100))}
                  aria-label={`${name} ${t('layers.opacity')}`}
                  title={`${t('layers.opacity')} ${Math.round(group.opacity * 100)}%`}
                />
                <button
                  type="button"
                  className="icon-button"
                  disabled={index === 0}
                  onClick={() => onChange(move(state, group.id, -1))}
                  aria-label={t('layers.moveUp', { name })}
                  title={t('layers.moveUp', { name })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  disabled={index === state.length - 1}
                  onClick={() => onChange(move(state, group.id, 1))}
                  aria-label={t('layers.moveDown', { name })}
                  title={t('layers.moveDown', { name })}
                >
                  ↓
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className="text-button" onClick={onReset}>
        {t('layers.reset')}
      </button>
      <Legend state={state} coverage={coverage} />
    </section>
  );
}
