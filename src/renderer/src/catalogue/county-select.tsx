import { COUNTIES } from '../../../shared/counties';
import { useI18n } from '../i18n/i18n-context';

/** One county or all; the name is shown in the UI language. */
export function CountySelect({
  value,
  onChange,
  testId,
}: {
  value: readonly number[];
  onChange: (counties: number[]) => void;
  testId?: string;
}) {
  const { t, language } = useI18n();
  return (
    <label className="field">
      <span>{t('filter.county')}</span>
      <select
        value={value[0] ?? ''}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value ? [Number(e.target.value)] : [])}
      >
        <option value="">{t('filter.allCounties')}</option>
        {COUNTIES.map((c) => (
          <option key={c.adcode} value={c.adcode}>
            {language === 'zh' ? c.name : c.nameEn}
          </option>
        ))}
      </select>
    </label>
  );
}

export function countyLabel(adcode: number | null, language: 'zh' | 'en', citywide: string): string {
  if (adcode === null) return citywide;
  const county = COUNTIES.find((c) => c.adcode === adcode);
  if (!county) return String(adcode);
  return language === 'zh' ? county.name : county.nameEn;
}
