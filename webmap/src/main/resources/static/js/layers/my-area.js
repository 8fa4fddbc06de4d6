// "My area": the signed-in user's grids or village (or an area named in the URL, ?grid= / ?village=) framed on
// the map, with everything outside dimmed by a mask (a world rectangle with the area as its hole) and outlined.
import { api } from '../api.js';

const WORLD = [[-85, -180], [-85, 180], [85, 180], [85, -180]];

/** The outer rings of a Polygon or MultiPolygon as Leaflet latlng rings. */
function outerRings(geometry) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.map((rings) => rings[0].map(([lng, lat]) => [lat, lng]));
}

export const MyAreaLayer = L.LayerGroup.extend({
  options: {
    pane: 'pgMask', // above every data layer and label, below popups
    maskColor: '#4a4f55', // the grey laid over everything outside the area
    maskOpacity: 0.45,
    outlineColor: '#d6336c', // the area's own border
    padding: [24, 24], // pixels kept free around the area when framing it
  },

  initialize(feature, options) {
    L.setOptions(this, options);
    L.LayerGroup.prototype.initialize.call(this);
    this.feature = feature;
    const rings = outerRings(feature.geometry);
    const o = this.options;
    this._mask = L.polygon([WORLD, ...rings], {
      pane: o.pane, interactive: false, stroke: false,
      fillColor: o.maskColor, fillOpacity: o.maskOpacity, className: 'pg-mask',
    });
    this._outline = L.polygon(rings, {
      pane: o.pane, interactive: false, fill: false,
      color: o.outlineColor, weight: 3, className: 'pg-my-area',
    });
    this.addLayer(this._mask).addLayer(this._outline);
  },

  getBounds() {
    return this._outline.getBounds();
  },

  /** Moves the map so the whole area is in view. */
  frame(map) {
    map.fitBounds(this.getBounds(), { padding: this.options.padding, animate: false });
    return this;
  },
});

function areaFeature(code) {
  const text = String(code || '').trim();
  if (/^\d{14}$/.test(text)) {
    return api.grid(text);
  }
  if (/^\d{12}$/.test(text)) {
    return api.village(text);
  }
  return Promise.reject(new Error(`“${text}”不是网格代码（14 位）或村（社区）代码（12 位）`));
}

/** Several areas as one feature: a MultiPolygon of their polygons, named by all their names. */
function combined(features) {
  if (features.length === 1) {
    return features[0];
  }
  const polygons = features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates]
    : f.geometry.coordinates));
  return {
    type: 'Feature',
    geometry: { type: 'MultiPolygon', coordinates: polygons },
    properties: { name: features.map((f) => f.properties.name).join('、') },
  };
}

/**
 * Shows the area of one code, or of several, on `map`, replacing any area shown before: a 14-digit code is a
 * grid, a 12-digit code a village or community. Resolves with the MyAreaLayer (on the map and framed); rejects
 * with the API's Chinese message.
 */
export function showMyArea(map, codes) {
  const list = Array.isArray(codes) ? codes : [codes];
  return Promise.all(list.map(areaFeature)).then((features) => {
    map.eachLayer((layer) => layer instanceof MyAreaLayer && map.removeLayer(layer));
    return new MyAreaLayer(combined(features)).addTo(map).frame(map);
  });
}
