// Buildings, coloured by use, drawn on a canvas from zoom 15. They are fetched per cache cell (a fixed lng/lat
// grid of small squares) covering the view, after the map stops moving; a cell is fetched once, so panning back
// draws from the cache. Each building is kept only in the cell holding its first vertex, so none is drawn twice.
//
// Events: 'loading'; 'ready' {count, truncated}; 'hidden' (zoomed out); 'error' {error}.
import { api } from '../api.js';

/** Fill colour per building use, also used by the legend. */
export const USE_COLORS = {
  residential: '#f0a35e',
  commercial: '#e05d44',
  public: '#2a9d8f',
  industrial: '#7b6897',
  farm: '#8ab17d',
};

function firstVertex(geometry) {
  let c = geometry.coordinates;
  while (Array.isArray(c[0])) {
    c = c[0];
  }
  return c;
}

export const BuildingsLayer = L.LayerGroup.extend({
  options: {
    pane: 'pgBuildings', // above roads, below area outlines
    minZoom: 15, // no buildings are fetched or drawn below this zoom
    cellDegrees: 0.02, // side of a cache cell, ~2 km; the API refuses a bbox side over 0.1°
    limit: 5000, // buildings per cell, the API's maximum (the densest cell of 大栗港 holds ~1,900)
    debounceMs: 250, // wait this long after the last moveend before fetching
    maxCachedCells: 120, // the oldest hidden cells are forgotten beyond this many
  },

  initialize(options) {
    L.setOptions(this, options);
    L.LayerGroup.prototype.initialize.call(this);
    this._renderer = L.canvas({ pane: this.options.pane, padding: 0.3 });
    this._cells = new Map(); // cell key -> {layer, count, truncated}
    this._fetching = new Map(); // cell key -> Promise
    this._shown = new Set(); // cell keys whose layers are on the map
    this._generation = 0; // bumped on every update, so a stale update does not report
  },

  onAdd(map) {
    L.LayerGroup.prototype.onAdd.call(this, map);
    map.on('moveend', this._schedule, this);
    this._update();
  },

  onRemove(map) {
    map.off('moveend', this._schedule, this);
    clearTimeout(this._timer);
    this._generation += 1;
    this._shown.clear();
    this.clearLayers();
    L.LayerGroup.prototype.onRemove.call(this, map);
  },

  /** How many buildings are drawn now. */
  drawnCount() {
    let count = 0;
    for (const key of this._shown) {
      count += this._cells.get(key).count;
    }
    return count;
  },

  _schedule() {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._update(), this.options.debounceMs);
  },

  _update() {
    const map = this._map;
    if (!map) {
      return;
    }
    const generation = ++this._generation;
    if (map.getZoom() < this.options.minZoom) {
      this._showCells([]);
      this.fire('hidden');
      return;
    }
    const keys = this._cellKeys(map.getBounds());
    this._showCells(keys);
    const missing = keys.filter((key) => !this._cells.has(key));
    if (missing.length === 0) {
      this._report(keys);
      return;
    }
    this.fire('loading');
    Promise.all(missing.map((key) => this._fetchCell(key).then(() => {
      if (generation === this._generation) {
        this._showCells(keys);
      }
    }))).then(() => {
      if (generation === this._generation) {
        this._report(keys);
        this._forgetOldCells();
      }
    }, (error) => {
      if (generation === this._generation) {
        this.fire('error', { error });
      }
    });
  },

  _report(keys) {
    const truncated = keys.some((key) => this._cells.get(key).truncated);
    this.fire('ready', { count: this.drawnCount(), truncated });
  },

  _cellKeys(bounds) {
    const size = this.options.cellDegrees;
    const keys = [];
    for (let i = Math.floor(bounds.getWest() / size); i * size < bounds.getEast(); i += 1) {
      for (let j = Math.floor(bounds.getSouth() / size); j * size < bounds.getNorth(); j += 1) {
        keys.push(`${i}:${j}`);
      }
    }
    return keys;
  },

  _showCells(keys) {
    const wanted = new Set(keys.filter((key) => this._cells.has(key)));
    for (const key of this._shown) {
      if (!wanted.has(key)) {
        this.removeLayer(this._cells.get(key).layer);
      }
    }
    for (const key of wanted) {
      if (!this._shown.has(key)) {
        this.addLayer(this._cells.get(key).layer);
      }
    }
    this._shown = wanted;
  },

  _fetchCell(key) {
    if (!this._fetching.has(key)) {
      const size = this.options.cellDegrees;
      const [i, j] = key.split(':').map(Number);
      const bbox = [i * size, j * size, (i + 1) * size, (j + 1) * size];
      const ownedByCell = (f) => {
        const [lng, lat] = firstVertex(f.geometry);
        return Math.floor(lng / size) === i && Math.floor(lat / size) === j;
      };
      const request = api.buildings({ bbox, limit: this.options.limit }).then((fc) => {
        const layer = L.geoJSON(fc, {
          filter: ownedByCell,
          renderer: this._renderer,
          pane: this.options.pane,
          interactive: false,
          weight: 0.6,
          color: '#6b5a4a',
          fillOpacity: 0.85,
          style: (f) => ({ fillColor: USE_COLORS[f.properties.use] || '#bbb' }),
        });
        this._cells.set(key, { layer, count: layer.getLayers().length, truncated: Boolean(fc.truncated) });
      }).finally(() => this._fetching.delete(key));
      this._fetching.set(key, request);
    }
    return this._fetching.get(key);
  },

  _forgetOldCells() {
    for (const key of this._cells.keys()) {
      if (this._cells.size <= this.options.maxCachedCells) {
        return;
      }
      if (!this._shown.has(key)) {
        this._cells.delete(key);
      }
    }
  },
});
