// Roads styled by class: national and provincial thick and bright, village roads thin and grey.
import { api } from '../api.js';

/** Line style per road class, also used by the legend. */
export const ROAD_STYLES = {
  national: { color: '#d9480f', weight: 5 },
  provincial: { color: '#f08c00', weight: 4 },
  county: { color: '#d4a017', weight: 3 },
  town: { color: '#a0845c', weight: 2 },
  village: { color: '#9c9c9c', weight: 1.2 },
};

/** Draw order: minor roads first, so major roads lie on top. */
const RANK = { village: 0, town: 1, county: 2, provincial: 3, national: 4 };

export const RoadsLayer = L.GeoJSON.extend({
  options: {
    pane: 'pgRoads', // above water, below buildings
    interactive: false, // clicks go through to the map (click-to-locate)
    opacity: 0.95, // nearly solid, so crossings stay readable
    lineCap: 'round', // smooth joints between road segments
    lineJoin: 'round',
    style: (f) => ROAD_STYLES[f.properties.roadClass] || ROAD_STYLES.village, // unknown classes as village roads
  },

  /** Limits the roads fetched to a bbox [minLng, minLat, maxLng, maxLat] (a one-grid user's surroundings). */
  setBbox(bbox) {
    this._bbox = bbox;
    return this;
  },

  /** Fetches the features and draws them; resolves with how many there are. */
  load() {
    return api.roads({ bbox: this._bbox }).then((fc) => {
      this.clearLayers();
      const rank = (f) => RANK[f.properties.roadClass] ?? 0;
      this.addData([...fc.features].sort((a, b) => rank(a) - rank(b)));
      this.fire('load', { count: fc.features.length });
      return fc.features.length;
    });
  },
});
