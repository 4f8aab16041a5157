import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  ANNOTATION_CSV_HEADER,
  annotationExportRows,
  annotationsToCsv,
  annotationsToGeoJson,
  annotationsToKml,
  attachedToText,
} from './annotation-export';
import { TEST_FILE_TEXTS } from '../export/test-file-texts';
import { annotation, edit, photo, tombstone } from './test-records';

const a1 = annotation('a1', { note: '=cmd|x, "quoted"\n第二行' }, { createdAt: '2024-05-01T08:00:00.000Z' });
const a2 = annotation(
  'a2',
  {
    title: '',
    status: 'problem',
    attachedTo: { kind: 'facility', id: 'import-1:7' },
    accuracyM: null,
    lon: 120.1,
    lat: 27.5,
  },
  { createdAt: '2024-04-30T08:00:00.000Z', createdBy: '李四' },
);
const gone = tombstone(annotation('a3'), 'a3-r2');
const photos = [
  photo('p2', 'a1', { name: 'second.jpg' }, { createdAt: '2024-05-01T09:00:00.000Z' }),
  photo('p1', 'a1', { name: 'first.jpg' }, { createdAt: '2024-05-01T08:30:00.000Z' }),
  tombstone(photo('p3', 'a1', { name: 'deleted.jpg' }), 'p3-r2'),
  photo('p4', 'a3', { name: 'of-deleted-annotation.jpg' }),
];
const annotations = [a1, gone, edit(a2, 'a2-r2', { note: '已整改' })];

describe('annotationExportRows', () => {
  it('leaves out deleted annotations and photos, orders by creation and lists photos', () => {
    const rows = annotationExportRows(annotations, photos);
    expect(rows.map((r) => r.properties.id)).toEqual(['a2', 'a1']);
    const first = rows[1]!.properties;
    expect(first).toEqual({
      id: 'a1',
      title: '瓯海区卫生院工地',
      note: '=cmd|x, "quoted"\n第二行',
      status: 'under-construction',
      statusLabel: '在建',
      category: 'health',
      author: 'alice',
      createdAt: '2024-05-01T08:00:00.000Z',
      updatedAt: '2024-05-01T08:00:00.000Z',
      accuracyM: 8,
      positionSource: 'device',
      attachedTo: 'project:12',
      photoCount: 2,
      photoNames: 'first.jpg; second.jpg',
    });
    expect(rows[0]!.properties).toMatchObject({
      statusLabel: '有问题',
      author: '李四',
      attachedTo: 'facility:import-1:7',
      photoCount: 0,
      photoNames: '',
      note: '已整改',
      updatedAt: '2024-05-02T09:00:00.000Z',
    });
  });

  it('does not reorder the caller’s arrays', () => {
    const input = [...annotations];
    annotationExportRows(input, photos);
    expect(input).toEqual(annotations);
  });

  it('spells attachments as text', () => {
    expect(attachedToText(null)).toBe('');
    expect(attachedToText({ kind: 'project', seq: 3 })).toBe('project:3');
  });
});

describe('annotationsToGeoJson', () => {
  it('gives Point features with flat properties', () => {
    const geojson = annotationsToGeoJson(annotations, photos);
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features.map((f) => f.geometry.coordinates)).toEqual([
      [120.1, 27.5],
      [120.6372, 27.9551],
    ]);
    for (const feature of geojson.features)
      for (const value of Object.values(feature.properties))
        expect(['string', 'number'].includes(typeof value) || value === null).toBe(true);
    expect(JSON.parse(JSON.stringify(geojson))).toEqual(geojson);
  });
});

describe('annotationsToCsv', () => {
  it('writes a BOM, bilingual headers, lon/lat columns and defused formula text', () => {
    const text = annotationsToCsv(annotations, photos);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...ANNOTATION_CSV_HEADER]);
    expect(ANNOTATION_CSV_HEADER).toContain('标题 (title)');
    expect(ANNOTATION_CSV_HEADER).toContain('经度 (lon)');
    const [second, first] = parsed.data;
    expect(first).toMatchObject({
      '编号 (id)': 'a1',
      '经度 (lon)': '120.6372',
      '纬度 (lat)': '27.9551',
      '备注 (note)': '\'=cmd|x, "quoted"\n第二行',
      '状态名称 (statusLabel)': '在建',
      '照片数 (photoCount)': '2',
      '照片文件名 (photoNames)': 'first.jpg; second.jpg',
    });
    expect(second).toMatchObject({ '编号 (id)': 'a2', '定位精度（米） (accuracyM)': '', '标题 (title)': '' });
  });

  it('writes only the header when there is nothing to export', () => {
    expect(annotationsToCsv([gone], [])).toBe(`\uFEFF${ANNOTATION_CSV_HEADER.join(',')}\r\n`);
  });
});

describe('annotationsToKml', () => {
  it('parses back to the same points, names and data', () => {
    const doc = new DOMParser({ onError: () => undefined }).parseFromString(
      annotationsToKml(annotations, photos, TEST_FILE_TEXTS),
      'text/xml',
    );
    const features = kml(doc as unknown as Parameters<typeof kml>[0]).features;
    expect(features).toHaveLength(2);
    expect(features[0]?.properties).toMatchObject({ name: '（无标题）', description: '已整改', id: 'a2', title: '' });
    expect(features[1]?.properties).toMatchObject({
      name: '瓯海区卫生院工地',
      description: '=cmd|x, "quoted"\n第二行',
      statusLabel: '在建',
      photoCount: '2',
      attachedTo: 'project:12',
    });
    expect(features[1]?.geometry).toEqual({ type: 'Point', coordinates: [120.6372, 27.9551] });
  });

  it('uses the given document name', () => {
    expect(annotationsToKml([], [], { ...TEST_FILE_TEXTS, annotationsTitle: '外业 A' })).toContain(
      '<name>外业 A</name>',
    );
  });
});
