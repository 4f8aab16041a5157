import type { FacilityCapacity } from '../../../shared/facilities';
import type { Translate } from '../i18n/translate';

export const formatYi = (value: number | null, t: Translate): string =>
  value === null ? t('value.pending') : value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

export function formatCapacity(capacity: FacilityCapacity, t: Translate): string {
  const parts: string[] = [];
  if (capacity.beds !== undefined) parts.push(t('capacity.beds', { value: capacity.beds }));
  if (capacity.seats !== undefined) parts.push(t('capacity.seats', { value: capacity.seats }));
  if (capacity.places !== undefined) parts.push(t('capacity.places', { value: capacity.places }));
  if (capacity.areaM2 !== undefined) parts.push(t('capacity.areaM2', { value: capacity.areaM2 }));
  return parts.join(' · ');
}
