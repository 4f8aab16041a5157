import { DATA_FILES, type DataManifest, type DataSourceAttribution } from '../../../shared/data-contract';

export interface BasemapData {
  archive: ArrayBuffer;
  manifest: DataManifest;
  attribution: DataSourceAttribution[];
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response;
}

export async function loadBasemapData(dataBaseUrl: string): Promise<BasemapData> {
  const [archive, manifest, attribution] = await Promise.all([
    fetchOk(dataBaseUrl + DATA_FILES.basemap).then((r) => r.arrayBuffer()),
    fetchOk(dataBaseUrl + DATA_FILES.manifest).then((r) => r.json() as Promise<DataManifest>),
    fetchOk(dataBaseUrl + DATA_FILES.attribution).then((r) => r.json() as Promise<DataSourceAttribution[]>),
  ]);
  return { archive, manifest, attribution };
}
