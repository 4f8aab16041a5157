import { useMemo, useState } from 'react';
import { searchByName } from '../../../core/projects/filter-projects';
import type { Facility } from '../../../shared/facilities';
import type { ProjectRow } from '../db/outu-db';
import { useI18n } from '../i18n/i18n-context';
import type { CatalogueRef } from '../map/catalogue-map';

interface Hit {
  name: string;
  ref: CatalogueRef;
}

/** Finds projects and facilities by (Chinese) name; choosing a result selects it and flies there. */
export function SearchBox({
  projects,
  facilities,
  onChoose,
}: {
  projects: readonly ProjectRow[];
  facilities: readonly Facility[];
  onChoose: (ref: CatalogueRef) => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  const items = useMemo<Hit[]>(
    () => [
      ...projects.map((p) => ({ name: p.name, ref: { kind: 'project', seq: p.seq } as const })),
      ...facilities.map((f) => ({ name: f.name, ref: { kind: 'facility', id: f.id } as const })),
    ],
    [projects, facilities],
  );
  const hits = useMemo(() => searchByName(items, query, 12), [items, query]);

  const choose = (hit: Hit | undefined) => {
    if (!hit) return;
    setQuery(hit.name);
    setOpen(false);
    onChoose(hit.ref);
  };

  return (
    <div className="search-box" role="search">
      <input
        type="search"
        value={query}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        data-testid="search-input"
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(i + 1, hits.length - 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
          else if (e.key === 'Enter') choose(hits[active]);
          else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && query.trim() !== '' && (
        <ul className="search-results" role="listbox" data-testid="search-results">
          {hits.length === 0 && <li className="muted">{t('search.noResult', { query: query.trim() })}</li>}
          {hits.map((hit, index) => (
            <li
              key={hit.ref.kind === 'project' ? `p${hit.ref.seq}` : `f${hit.ref.id}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(hit);
              }}
            >
              <span className="muted kind">{t(hit.ref.kind === 'project' ? 'search.project' : 'search.facility')}</span>
              {hit.name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
