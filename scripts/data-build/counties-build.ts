/**
 * counties.geojson, county-labels.geojson and city-outline.geojson from the DataV boundaries
 * (WGS-84 copies), joined with the hand-kept county table in src/shared/counties.ts.
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import { COUNTIES } from '../../src/shared/counties';
import type { CountyFeatureProps } from '../../src/shared/data-contract';
import { geometriesBbox, round6, roundGeometry, roundPosition, type Bbox } from './geo-math';

export interface CityOutlineProps {
  adcode: number;
  name: string;
}

export interface CountyOutputs {
  counties: Feature<Polygon | MultiPolygon, CountyFeatureProps>[];
  labels: Feature<Point, CountyFeatureProps>[];
  outline: Feature<Polygon | MultiPolygon, CityOutlineProps>[];
  /** Bbox of the city outline, rounded to 6 decimals. */
  cityBounds: Bbox;
}

function isArea(g: Geometry): g is Polygon | MultiPolygon {
  return g.type === 'Polygon' || g.type === 'MultiPolygon';
}

function readCenter(props: Record<string, unknown>, adcode: number): [number, number] {
  const c = props['center'];
  if (!Array.isArray(c) || c.length < 2 || !c.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    throw new Error(`county ${adcode}: missing or invalid "center" property`);
  }
  return roundPosition(c as number[]);
}

export function buildCountyOutputs(countiesFc: FeatureCollection, outlineFc: FeatureCollection): CountyOutputs {
  const byAdcode = new Map<number, Feature>();
  for (const f of countiesFc.features) {
    const adcode = Number(f.properties?.['adcode']);
    if (!COUNTIES.some((c) => c.adcode === adcode)) {
      throw new Error(`counties source has an unexpected feature with adcode ${String(f.properties?.['adcode'])}`);
    }
    if (byAdcode.has(adcode)) throw new Error(`counties source has adcode ${adcode} twice`);
    byAdcode.set(adcode, f);
  }
  const missing = COUNTIES.filter((c) => !byAdcode.has(c.adcode)).map((c) => `${c.adcode} ${c.name}`);
  if (missing.length > 0) throw new Error(`counties source lacks: ${missing.join(', ')}`);

  const counties: CountyOutputs['counties'] = [];
  const labels: CountyOutputs['labels'] = [];
  // Output order follows src/shared/counties.ts so it never depends on the source file's order.
  for (const info of COUNTIES) {
    const source = byAdcode.get(info.adcode);
    if (!source) continue;
    const sourceName = source.properties?.['name'];
    if (sourceName !== info.name) {
      throw new Error(`county ${info.adcode}: source name ${String(sourceName)} ≠ counties.ts name ${info.name}`);
    }
    if (!isArea(source.geometry)) throw new Error(`county ${info.adcode}: geometry is ${source.geometry.type}`);
    const props: CountyFeatureProps = {
      adcode: info.adcode,
      name: info.name,
      nameEn: info.nameEn,
      mountain: info.mountain,
      center: readCenter(source.properties ?? {}, info.adcode),
    };
    counties.push({
      type: 'Feature',
      properties: props,
      geometry: roundGeometry(source.geometry) as Polygon | MultiPolygon,
    });
    labels.push({ type: 'Feature', properties: { ...props }, geometry: { type: 'Point', coordinates: props.center } });
  }

  if (outlineFc.features.length !== 1) {
    throw new Error(`city outline source must hold exactly 1 feature, found ${outlineFc.features.length}`);
  }
  const outlineSource = outlineFc.features[0];
  if (!outlineSource || !isArea(outlineSource.geometry)) throw new Error('city outline is not a (Multi)Polygon');
  const outlineGeometry = roundGeometry(outlineSource.geometry) as Polygon | MultiPolygon;
  const outline: CountyOutputs['outline'] = [
    {
      type: 'Feature',
      properties: {
        adcode: Number(outlineSource.properties?.['adcode'] ?? 330300),
        name: String(outlineSource.properties?.['name'] ?? '温州市'),
      },
      geometry: outlineGeometry,
    },
  ];
  const cityBounds = geometriesBbox([outlineGeometry]).map(round6) as Bbox;
  return { counties, labels, outline, cityBounds };
}
