/**
 * Texts for row errors, warnings and file hints of the facility import. They live in core (not in
 * the UI catalogue) because the import runs in a worker and its results are stored and exported
 * with their reasons; the UI picks `zh` or `en`.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

export type RowErrorCode =
  | 'name-required'
  | 'coordinate-required'
  | 'not-a-number'
  | 'decimal-comma'
  | 'out-of-range'
  | 'outside-wenzhou'
  | 'negative-number'
  | 'no-geometry'
  | 'not-a-point'
  | 'multi-point';

export type RowWarningCode = 'unknown-category' | 'unknown-status' | 'duplicate-id' | 'nearest-county' | 'no-county';

/** One reason for most rows failing, shown instead of hundreds of identical row errors. */
export type FileHintCode = 'lat-lon-swapped' | 'projected-metres' | 'not-in-wenzhou';

const ROW_ERRORS: Record<RowErrorCode, Bilingual> = {
  'name-required': { zh: '名称不能为空。', en: 'The name is empty.' },
  'coordinate-required': { zh: '坐标不能为空。', en: 'The coordinate is empty.' },
  'not-a-number': { zh: '不是数字。', en: 'Not a number.' },
  'decimal-comma': {
    zh: '坐标中的逗号有歧义，请用小数点（如 120.65）。',
    en: 'A comma in a coordinate is ambiguous; use a decimal point (e.g. 120.65).',
  },
  'out-of-range': {
    zh: '超出经纬度范围（经度 −180～180，纬度 −90～90）。',
    en: 'Outside the longitude/latitude range (longitude −180 to 180, latitude −90 to 90).',
  },
  'outside-wenzhou': {
    zh: '点位不在温州市范围内（经度 119.3～121.6，纬度 26.8～28.9）。',
    en: 'The point is outside Wenzhou (longitude 119.3–121.6, latitude 26.8–28.9).',
  },
  'negative-number': { zh: '不能为负数。', en: 'Must not be negative.' },
  'no-geometry': { zh: '要素没有几何（没有点位）。', en: 'The feature has no geometry (no point).' },
  'not-a-point': {
    zh: '要素不是点。设施须为点要素；线或面请先在 GIS 软件中转为点。',
    en: 'The feature is not a point. Facilities must be points; convert lines or polygons to points in a GIS first.',
  },
  'multi-point': {
    zh: '多点要素包含多个点位，请拆分为每个设施一个点。',
    en: 'The multipoint has several points; split it into one point per facility.',
  },
};

const ROW_WARNINGS: Record<RowWarningCode, Bilingual> = {
  'unknown-category': { zh: '无法识别的类别，已归为“其他”。', en: 'Unknown category; recorded as “other”.' },
  'unknown-status': { zh: '无法识别的状态，已按“现有”处理。', en: 'Unknown status; recorded as “existing”.' },
  'duplicate-id': {
    zh: '编号与前面的行重复，已自动加后缀区分。',
    en: 'The ID repeats an earlier row; a suffix was added to keep IDs unique.',
  },
  'nearest-county': {
    zh: '点位在县界外（可能在海上或边界附近），已归入 2 公里内最近的县（市、区）。',
    en: 'The point lies just outside the county boundaries (sea or border); assigned to the nearest county within 2 km.',
  },
  'no-county': {
    zh: '点位不在任何县（市、区）内，也不在 2 公里以内，县域统计中不计入。',
    en: 'The point is not within 2 km of any county; it is left out of county statistics.',
  },
};

const FILE_HINTS: Record<FileHintCode, Bilingual> = {
  'lat-lon-swapped': {
    zh: '大部分点位不在温州。经度和纬度似乎填反了：请交换经度列和纬度列。',
    en: 'Most points are outside Wenzhou. Longitude and latitude look swapped: swap the longitude and latitude columns.',
  },
  'projected-metres': {
    zh: '大部分坐标是以米为单位的投影坐标（如 CGCS2000 高斯投影或百度/Web 墨卡托），不是经纬度。请先转换为经纬度。',
    en: 'Most coordinates are projected metres (e.g. CGCS2000 Gauss-Krüger or Baidu/Web Mercator), not longitude/latitude. Convert them to longitude/latitude first.',
  },
  'not-in-wenzhou': {
    zh: '大部分点位不在温州市范围内。请检查所选的经度、纬度列和坐标系。',
    en: 'Most points are outside Wenzhou. Check the chosen longitude and latitude columns and the coordinate system.',
  },
};

export function rowErrorMessage(code: RowErrorCode): Bilingual {
  return ROW_ERRORS[code];
}

export function rowWarningMessage(code: RowWarningCode): Bilingual {
  return ROW_WARNINGS[code];
}

export function fileHintMessage(code: FileHintCode): Bilingual {
  return FILE_HINTS[code];
}

/** "第 12 行" / "line 12": how a row number is shown depends on the file format. */
export function rowPlace(row: number, label: 'line' | 'sheet-row' | 'feature'): Bilingual {
  switch (label) {
    case 'line':
      return { zh: `第 ${row} 行`, en: `line ${row}` };
    case 'sheet-row':
      return { zh: `第 ${row} 行`, en: `row ${row}` };
    case 'feature':
      return { zh: `第 ${row} 个要素`, en: `feature ${row}` };
  }
}
