import type { MessageKey } from './messages-zh';

/** English catalogue: must have exactly the keys of messages-zh.ts (checked by a test). */
export const messagesEn: Record<MessageKey, string> = {
  'app.title': 'OuTu 瓯图',
  'app.subtitle': 'Wenzhou public-service access (offline)',
  'app.loading': 'Loading map data…',
  'app.loadError': 'Could not load map data: {reason}',
  'app.loadErrorHint': 'Check that the data in data/geo has been built (npm run data:build).',

  'toolbar.layers': 'Layers',
  'toolbar.about': 'About',
  'toolbar.language': '中文',
  'toolbar.languageTitle': 'Switch interface language',
  'toolbar.zoomToCity': 'City',
  'toolbar.zoomToCityTitle': 'Zoom to the whole of Wenzhou',

  'toolbar.openFile': 'Open file',
  'toolbar.openFileTitle': 'View a GeoJSON file on the map (WGS-84 longitude/latitude)',

  'overlay.title': 'Opened: {name}',
  'overlay.count': '{count} features',
  'overlay.close': 'Close this file layer',
  'overlay.sessionOnly': 'Shown for this session only; not saved.',
  'overlay.outsideHint': 'Note: this file lies outside the Wenzhou area; check its coordinate system.',
  'overlay.error.not-json': 'Cannot read {name}: not valid JSON ({detail}).',
  'overlay.error.not-geojson': '{name} is not GeoJSON (type: {detail}).',
  'overlay.error.no-features': '{name} has no features to show.',
  'overlay.error.bad-coordinates':
    'Feature {index} of {name} does not have longitude/latitude coordinates (projected?). Convert it to WGS-84 first.',
  'overlay.error.projected-crs':
    '{name} uses the coordinate system {crs}. Convert it to WGS-84 longitude/latitude first.',
  'overlay.error.unsupported': 'Only GeoJSON files (.geojson, .json) can be opened for now: {name}',
  'overlay.dismiss': 'OK',

  'layers.title': 'Layers',
  'layers.close': 'Close layer panel',
  'layers.visible': 'Show {name}',
  'layers.opacity': 'Opacity',
  'layers.moveUp': 'Move {name} up',
  'layers.moveDown': 'Move {name} down',
  'layers.reset': 'Reset to defaults',
  'layers.orderHint': 'Layers at the top of the list are drawn on top.',

  'layer.countyLabels': 'County names',
  'layer.countyBoundaries': 'County boundaries',
  'layer.cityOutline': 'Wenzhou city boundary',
  'layer.mountainCounties': 'Five mountain counties',
  'layer.mountainCountiesNote': 'Yongjia, Wencheng, Pingyang, Taishun, Cangnan',
  'layer.roads': 'Roads',
  'layer.rivers': 'Rivers',
  'layer.counties': 'Counties (base fill)',
  'layer.provinces': 'Provincial border (Zhejiang–Fujian)',
  'layer.land': 'Land and sea',

  'legend.title': 'Legend',
  'legend.expressway': 'Expressway',
  'legend.arterial': 'National road / arterial',
  'legend.provincial': 'Provincial road',
  'legend.named': 'Other named road',
  'legend.unnamed': 'Unnamed road',
  'legend.mountain': 'Five mountain counties',
  'legend.countyBoundary': 'County boundary',
  'legend.cityOutline': 'City boundary',
  'legend.sea': 'Sea',
  'legend.provinceBorder': 'Provincial border',

  'coords.wgs84': 'WGS-84',
  'coords.gcj02': 'GCJ-02',
  'coords.showGcj': 'Also show GCJ-02 (Amap, Tencent coordinates)',
  'coords.zoom': 'Zoom {zoom}',
  'coords.outside': 'Move the pointer over the map to read coordinates',

  'about.title': 'About OuTu 瓯图',
  'about.close': 'Close',
  'about.purpose':
    "OuTu is an offline desktop GIS for checking the spatial equity of public services against Wenzhou's 14th Five-Year Plan for social development and basic public services: service-circle coverage, the five mountain counties against the rest, and the plan's major projects.",
  'about.version': 'Version {version}',
  'about.runtime': 'Runtime: {runtime}',
  'about.dataVersion': 'Data version {version}',
  'about.sources': 'Data sources and licences',
  'about.licence': 'Licence',
  'about.origin': 'Origin',
  'about.caveats': 'Caveats',
  'about.noLicenceWarning':
    'Some sources state no licence: use for internal analysis only, not as a published map (no map approval number).',
  'about.browserRuntime': 'browser',

  'attribution.short': 'Boundaries DataV.GeoAtlas · Roads wangshanbo/mapData · GSHHG · DCW',
  'attribution.more': 'Sources',

  'platform.openFile': 'Open file',
  'platform.saveFailed': 'Save failed: {reason}',

  'db.unavailable': 'Local database unavailable; layer settings will not be saved: {reason}',
};
