// The 资江 and streams: river polygons filled blue, streams as thin blue lines.
import { api } from '../api.js';

export const WaterLayer = L.GeoJSON.extend({
  options: {
    pane: 'pgWater', // above the base land, below roads
    interactive: false, // clicks go through to the map (click-to-locate)
    color: '#6fa8dc', // river banks and streams
    fillColor: '#a9cce3', // river surface
    style: (f) => (f.geometry.type.includes('Polygon') // rivers are areas, streams are lines
      ? { weight: 1, fillOpacity: 1 }
      : { weight: 1.5, fill: false }),
  },

  /** Fetches the features and draws them; resolves with how many there are. */
  load() {
    return api.water().then((fc) => {
      this.addData(fc);
      this.fire('load', { count: fc.features.length });
      return fc.features.length;
    });
  },
});
