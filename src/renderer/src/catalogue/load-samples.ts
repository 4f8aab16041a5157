import { guessColumns } from '../../../core/import/guess-columns';
import { DATA_FILES } from '../../../shared/data-contract';
import { translateMessage } from '../i18n/translate';
import {
  FACILITY_CATEGORIES,
  type Facility,
  type FacilityCategory,
  type FacilitySet,
} from '../../../shared/facilities';
import { checkFacilities, parseFile } from './facility-import';

export const sampleFileName = (category: FacilityCategory) => `sample-${category}.csv`;

/**
 * The generated sample files (示例数据), one set per category, read through the same import path
 * as a user's file so the tutorial exercises it. Every set is flagged isSample.
 */
export async function loadSampleSets(dataBaseUrl: string): Promise<{ set: FacilitySet; facilities: Facility[] }[]> {
  const sets: { set: FacilitySet; facilities: Facility[] }[] = [];
  for (const category of FACILITY_CATEGORIES) {
    const file = sampleFileName(category);
    const response = await fetch(`${dataBaseUrl}${DATA_FILES.samplesDir}/${file}`);
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const parsed = await parseFile(file, bytes);
    if (!parsed.ok) throw new Error(`${file}: ${translateMessage('en', parsed.error.message)}`);
    const mapping = guessColumns(parsed.table).complete;
    if (!mapping) throw new Error(`${file}: name/longitude/latitude columns not found`);
    const setId = `sample-${category}`;
    const result = await checkFacilities(dataBaseUrl, parsed.table, mapping, 'wgs84', setId, category);
    if (!result.ok) throw new Error(`${file}: ${result.errors.length} rows rejected`);
    sets.push({
      set: {
        id: setId,
        name: file,
        kind: 'sample',
        isSample: true,
        sourceFile: file,
        sourceCrs: 'wgs84',
        createdAt: new Date().toISOString(),
        count: result.facilities.length,
      },
      facilities: result.facilities,
    });
  }
  return sets;
}
