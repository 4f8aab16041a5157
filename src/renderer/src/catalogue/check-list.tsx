/** A compact multi-select of checkboxes; an empty selection means "all". */
export function CheckList<T extends string>({
  options,
  selected,
  onChange,
  label,
  swatch,
  counts,
  testId,
}: {
  options: readonly T[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
  label: (option: T) => string;
  swatch?: (option: T) => string;
  counts?: ReadonlyMap<T, number>;
  testId?: string;
}) {
  const toggle = (option: T, on: boolean) =>
    onChange(on ? [...selected, option] : selected.filter((s) => s !== option));
  return (
    <ul className="check-list" data-testid={testId}>
      {options.map((option) => (
        <li key={option}>
          <label>
            <input
              type="checkbox"
              checked={selected.includes(option)}
              onChange={(e) => toggle(option, e.target.checked)}
            />
            {swatch && <span className="dot" style={{ background: swatch(option) }} aria-hidden="true" />}
            <span>{label(option)}</span>
            {counts && <span className="muted count">{counts.get(option) ?? 0}</span>}
          </label>
        </li>
      ))}
    </ul>
  );
}
