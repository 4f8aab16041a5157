import type { ExportFileTexts } from '../../../core/export/export-formats';
import { translate, type Language } from '../i18n/translate';
import type { MessageKey } from '../../../shared/i18n/messages-zh';

/** Chinese first, as in every OuTu file header ("名称 (name)"). */
const FILE_LANGUAGES: readonly Language[] = ['zh', 'en'];

const inBoth = (key: MessageKey, separator: string) =>
  FILE_LANGUAGES.map((language) => translate(language, key)).join(separator);

/**
 * The texts written into exported files, from the message catalogue. They do not follow the UI
 * language: a file outlives the session and goes to colleagues working in either language, so
 * facility and project files say everything in Chinese and English ("瓯图设施 OuTu facilities",
 * "导出时间 (exported at)"), and annotation files are in Chinese like their column headers. The
 * same data therefore always gives the same bytes, whichever language the exporter uses.
 */
export function exportFileTexts(): ExportFileTexts {
  return {
    facilitiesTitle: inBoth('exportFile.facilitiesTitle', ' '),
    projectsTitle: inBoth('exportFile.projectsTitle', ' '),
    exportedAtLabel: `${translate('zh', 'exportFile.exportedAt')} (${translate('en', 'exportFile.exportedAt')})`,
    dataVersionLabel: `${translate('zh', 'exportFile.dataVersion')} (${translate('en', 'exportFile.dataVersion')})`,
    projectsWithoutPoint: (count, seqs) =>
      FILE_LANGUAGES.map((language) =>
        translate(language, 'exportFile.projectsWithoutPoint', {
          n: count,
          seqs: seqs.join(translate(language, 'exportFile.listSeparator')),
        }),
      ).join(' '),
    annotationsTitle: translate('zh', 'exportFile.annotationsTitle'),
    untitledAnnotation: translate('zh', 'exportFile.untitledAnnotation'),
  };
}
