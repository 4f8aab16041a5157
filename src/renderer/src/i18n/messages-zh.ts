/** The message catalogue, 简体中文 (default). Every UI string lives here and in messages-en.ts. */
export const messagesZh = {
  'app.title': '瓯图 OuTu',
  'app.subtitle': '温州公共服务空间分析（离线）',
  'app.loading': '正在加载地图数据…',
  'app.loadError': '地图数据加载失败：{reason}',
  'app.loadErrorHint': '请确认 data/geo 中的数据已构建（npm run data:build）。',

  'toolbar.layers': '图层',
  'toolbar.about': '关于',
  'toolbar.language': 'English',
  'toolbar.languageTitle': '切换界面语言',
  'toolbar.zoomToCity': '全市',
  'toolbar.zoomToCityTitle': '缩放到温州全市',

  'toolbar.openFile': '打开文件',
  'toolbar.openFileTitle': '在地图上查看一个 GeoJSON 文件（WGS-84 经纬度）',

  'overlay.title': '已打开：{name}',
  'overlay.count': '{count} 个要素',
  'overlay.close': '关闭此文件图层',
  'overlay.sessionOnly': '仅在本次运行中显示，不会保存。',
  'overlay.outsideHint': '注意：该文件的范围不在温州附近，请检查其坐标系。',
  'overlay.error.not-json': '无法读取 {name}：不是有效的 JSON（{detail}）。',
  'overlay.error.not-geojson': '{name} 不是 GeoJSON（类型：{detail}）。',
  'overlay.error.no-features': '{name} 中没有可以显示的要素。',
  'overlay.error.bad-coordinates':
    '{name} 第 {index} 个要素的坐标不是经纬度（可能是投影坐标），请先转换为 WGS-84 经纬度。',
  'overlay.error.projected-crs': '{name} 使用坐标系 {crs}，请先转换为 WGS-84 经纬度。',
  'overlay.error.unsupported': '目前只能打开 GeoJSON 文件（.geojson、.json）：{name}',
  'overlay.dismiss': '知道了',

  'layers.title': '图层',
  'layers.close': '关闭图层面板',
  'layers.visible': '显示 {name}',
  'layers.opacity': '不透明度',
  'layers.moveUp': '上移 {name}',
  'layers.moveDown': '下移 {name}',
  'layers.reset': '恢复默认',
  'layers.orderHint': '列表顶部的图层绘制在最上层。',

  'layer.countyLabels': '县（市、区）名称',
  'layer.countyBoundaries': '县级行政界线',
  'layer.cityOutline': '温州市界',
  'layer.mountainCounties': '山区五县',
  'layer.mountainCountiesNote': '永嘉、文成、平阳、泰顺、苍南',
  'layer.roads': '道路',
  'layer.rivers': '河流',
  'layer.counties': '县级行政区（底色）',
  'layer.provinces': '省界（浙江—福建）',
  'layer.land': '陆地与海洋',

  'legend.title': '图例',
  'legend.expressway': '高速公路',
  'legend.arterial': '国道、主干道',
  'legend.provincial': '省道',
  'legend.named': '其他有名道路',
  'legend.unnamed': '无名道路',
  'legend.mountain': '山区五县',
  'legend.countyBoundary': '县级界线',
  'legend.cityOutline': '市界',
  'legend.sea': '海域',
  'legend.provinceBorder': '省界',

  'coords.wgs84': 'WGS-84',
  'coords.gcj02': 'GCJ-02',
  'coords.showGcj': '同时显示 GCJ-02（高德、腾讯坐标）',
  'coords.zoom': '缩放级别 {zoom}',
  'coords.outside': '将鼠标移到地图上查看坐标',

  'about.title': '关于瓯图 OuTu',
  'about.close': '关闭',
  'about.purpose':
    '瓯图是一款离线桌面地理信息系统，用于对照《温州市社会发展和基本公共服务体系“十四五”规划》检查公共服务的空间均衡：服务圈覆盖、山区五县与其他县（市、区）的对比、重大项目分布。',
  'about.version': '版本 {version}',
  'about.runtime': '运行环境：{runtime}',
  'about.dataVersion': '数据版本 {version}',
  'about.sources': '数据来源与许可',
  'about.licence': '许可',
  'about.origin': '来源',
  'about.caveats': '注意',
  'about.noLicenceWarning': '部分数据来源未声明许可，仅供内部分析参考，不得作为正式出版地图（无审图号）。',
  'about.browserRuntime': '浏览器',

  'attribution.short': '边界 DataV.GeoAtlas · 道路 wangshanbo/mapData · GSHHG · DCW',
  'attribution.more': '数据来源',

  'platform.openFile': '打开文件',
  'platform.saveFailed': '保存失败：{reason}',

  'db.unavailable': '本地数据库不可用，图层设置将不会被保存：{reason}',
} as const;

export type MessageKey = keyof typeof messagesZh;
