// Roads styled by class, drawn from vector tiles: national and provincial thick and bright, village roads thin and
// grey. Only the tiles in view are fetched, so a one-grid user never downloads the whole town's roads.
import { VectorTileLayer } from './vector-tiles.js';

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
const rank = (f) => RANK[f.properties.roadClass] ?? 0;

export const RoadsLayer = VectorTileLayer.extend({
  options: {
    layer: 'roads',
    pane: 'pgRoads', // above water, below buildings
    opacity: 0.95, // nearly solid, so crossings stay readable
    sort: (a, b) => rank(a) - rank(b),
    style: (p) => ROAD_STYLES[p.roadClass] || ROAD_STYLES.village, // unknown classes as village roads
  },
});
