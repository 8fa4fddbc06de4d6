// Optional online base layers from /api/map-settings (none by default: the map works offline).
// A Tianditu layer comes with a separate label layer (`labelUrl`), drawn above our roads and water.

/** One Leaflet layer for a configured online base layer: its tiles, plus its labels when it has them. */
export function onlineBaseLayer(config) {
  const options = {
    subdomains: config.subdomains || 'abc',
    attribution: config.attribution || '',
    maxZoom: config.maxZoom || 18,
  };
  const tiles = L.tileLayer(config.url, options);
  if (!config.labelUrl) {
    return tiles;
  }
  return L.layerGroup([tiles, L.tileLayer(config.labelUrl, { ...options, attribution: '', pane: 'pgTileLabels' })]);
}
