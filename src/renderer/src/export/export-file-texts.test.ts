import { describe, expect, it } from 'vitest';
import { TEST_FILE_TEXTS } from '../../../core/export/test-file-texts';
import { exportFileTexts } from './export-file-texts';

describe('exportFileTexts', () => {
  it('builds from the catalogue exactly the texts the core export tests check', () => {
    const { projectsWithoutPoint, ...labels } = exportFileTexts();
    const { projectsWithoutPoint: expectedNote, ...expectedLabels } = TEST_FILE_TEXTS;
    expect(labels).toEqual(expectedLabels);
    for (const seqs of [[7], [7, 38], [1, 2, 3]])
      expect(projectsWithoutPoint(seqs.length, seqs)).toBe(expectedNote(seqs.length, seqs));
  });

  it('writes the words files have always carried', () => {
    const texts = exportFileTexts();
    expect(texts.facilitiesTitle).toBe('瓯图设施 OuTu facilities');
    expect(texts.exportedAtLabel).toBe('导出时间 (exported at)');
    expect(texts.projectsWithoutPoint(2, [7, 38])).toBe(
      '2 个项目没有点位（如全市性项目），未写入本 KML：序号 7、38。 2 project(s) without a point (e.g. citywide) are not in this KML: No. 7, 38.',
    );
    expect(texts.untitledAnnotation).toBe('（无标题）');
  });
});
