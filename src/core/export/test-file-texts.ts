/**
 * The texts the app writes into exported files, spelled out for the core tests (not shipped code).
 * The renderer's export-file-texts test checks that the message catalogue builds exactly these,
 * so the core tests see the files users get.
 */
import type { ExportFileTexts } from './export-formats';

export const TEST_FILE_TEXTS: ExportFileTexts = {
  facilitiesTitle: '瓯图设施 OuTu facilities',
  projectsTitle: '瓯图重大项目 OuTu projects',
  exportedAtLabel: '导出时间 (exported at)',
  dataVersionLabel: '数据版本 (data version)',
  projectsWithoutPoint: (count, seqs) =>
    `${count} 个项目没有点位（如全市性项目），未写入本 KML：序号 ${seqs.join('、')}。` +
    ` ${count} project(s) without a point (e.g. citywide) are not in this KML: No. ${seqs.join(', ')}.`,
  annotationsTitle: '瓯图现场标注',
  untitledAnnotation: '（无标题）',
};
