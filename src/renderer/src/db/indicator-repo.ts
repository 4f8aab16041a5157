import type { IndicatorRecord } from '../../../shared/indicators';
import type { OutuDb } from './outu-db';

/** Every value recorded against the plan's indicators, all years. */
export function listIndicatorRecords(db: OutuDb): Promise<IndicatorRecord[]> {
  return db.indicatorRecords.toArray();
}

/** Records one indicator's value for one year; recording that year again replaces it (latest wins). */
export async function saveIndicatorRecord(db: OutuDb, record: IndicatorRecord): Promise<void> {
  await db.indicatorRecords.put(record);
}
