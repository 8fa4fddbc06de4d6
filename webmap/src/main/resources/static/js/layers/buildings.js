// Buildings, coloured by use, drawn from vector tiles from zoom 15 (the server sends none below 14). A building cut
// by a tile edge is in both tiles and counted once, by its code.
import { VectorTileLayer } from './vector-tiles.js';

/** Fill colour per building use, also used by the legend. */
export const USE_COLORS = {
  residential: '#f0a35e',
  commercial: '#e05d44',
  public: '#2a9d8f',
  industrial: '#7b6897',
  farm: '#8ab17d',
};

export const BuildingsLayer = VectorTileLayer.extend({
  options: {
    layer: 'buildings',
    pane: 'pgBuildings', // above roads, below area outlines
    minZoom: 15, // no buildings are fetched or drawn below this zoom
    key: (f) => f.properties.code,
    style: (p) => ({ fillColor: USE_COLORS[p.use] || '#bbb', fillOpacity: 0.85, color: '#6b5a4a', weight: 0.6 }),
  },
});
