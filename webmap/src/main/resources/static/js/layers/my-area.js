// "My area": one grid or village framed on the map, with everything outside it dimmed by a mask (a world
// rectangle with the area as its hole) and the area outlined. A later issue binds it to the logged-in user;
// for now main.js takes the code from the URL (?grid= or ?village=).
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

/**
 * Shows the area with `code` on `map`, replacing any area shown before: a 14-digit code is a grid, a 12-digit
 * code a village or community. Resolves with the MyAreaLayer (on the map and framed); rejects with the API's
 * Chinese message.
 */
export function showMyArea(map, code) {
  const text = String(code || '').trim();
  let request;
  if (/^\d{14}$/.test(text)) {
    request = api.grid(text);
  } else if (/^\d{12}$/.test(text)) {
    request = api.village(text);
  } else {
    return Promise.reject(new Error(`“${text}”不是网格代码（14 位）或村（社区）代码（12 位）`));
  }
  return request.then((feature) => {
    map.eachLayer((layer) => layer instanceof MyAreaLayer && map.removeLayer(layer));
    return new MyAreaLayer(feature).addTo(map).frame(map);
  });
}
