// A layer drawn from the server's vector tiles, one canvas per tile: only the tiles in view are fetched, each
// holding only what the user may see. Events: 'loading'; 'ready' {count} once the tiles in view are drawn;
// 'hidden' below minZoom; 'error' {error}.
import { api } from '../api.js';

let reader = null; // the MVT reader module, loaded with the first tile (not part of the first page)
const readTile = (buffer) => (reader = reader || import('./mvt.js')).then((m) => m.readTile(buffer));

export const VectorTileLayer = L.GridLayer.extend({
  options: {
    layer: 'roads', // the server's layer name
    minZoom: 0, // no tiles below this zoom
    maxZoom: 19, // the map's deepest zoom
    updateWhenZooming: false, // fetch once the zoom ends, not for each step of the animation
    key: (f) => f.id, // what identifies a feature across tiles
    sort: null, // (a, b) => order of drawing within a tile, e.g. minor roads first
    style: () => ({ color: '#555', weight: 1 }), // per feature: color, weight, fillColor, fillOpacity, dash
  },

  initialize(options) {
    L.setOptions(this, options);
    this._features = new Map(); // tile key -> features of that tile
  },

  onAdd(map) {
    L.GridLayer.prototype.onAdd.call(this, map);
    map.on('zoomend', this._checkHidden, this);
    this.on('load', this._ready, this).on('tileunload', this._forget, this).on('tileerror', this._failed, this);
    this._checkHidden();
  },

  onRemove(map) {
    map.off('zoomend', this._checkHidden, this);
    this.off('load', this._ready, this).off('tileunload', this._forget, this).off('tileerror', this._failed, this);
    L.GridLayer.prototype.onRemove.call(this, map);
    this._features.clear();
  },

  /** The keys of the features in the current tiles, each once (a feature cut by a tile edge is in both). */
  drawnKeys() {
    const keys = new Set();
    for (const [tileKey, features] of this._features) {
      const tile = this._tiles[tileKey];
      if (tile && tile.current) {
        features.forEach((f) => keys.add(this.options.key(f)));
      }
    }
    return keys;
  },

  drawnCount() {
    return this.drawnKeys().size;
  },

  createTile(coords, done) {
    const tile = L.DomUtil.create('canvas', 'pg-vector-tile');
    const size = this.getTileSize();
    const ratio = window.devicePixelRatio || 1;
    tile.width = size.x * ratio;
    tile.height = size.y * ratio;
    const key = this._tileCoordsToKey(coords);
    api.tile(this.options.layer, coords).then(readTile).then((layers) => {
      const layer = layers[this.options.layer];
      const features = layer ? layer.features : [];
      this._features.set(key, features);
      this._draw(tile.getContext('2d'), features, tile.width / (layer ? layer.extent : 4096), ratio);
      done(null, tile);
    }, (error) => done(error, tile));
    return tile;
  },

  _draw(ctx, features, scale, ratio) {
    const sorted = this.options.sort ? [...features].sort(this.options.sort) : features;
    ctx.lineJoin = 'round';
    ctx.lineCap = 'round';
    for (const f of sorted) {
      const s = this.options.style(f.properties);
      ctx.beginPath();
      if (f.type === 1) {
        for (const [[x, y]] of f.parts) {
          ctx.moveTo(x * scale + s.radius * ratio, y * scale);
          ctx.arc(x * scale, y * scale, s.radius * ratio, 0, 2 * Math.PI);
        }
      } else {
        for (const part of f.parts) {
          part.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x * scale, y * scale) : ctx.lineTo(x * scale, y * scale)));
        }
      }
      if (f.type !== 2 && s.fillColor) {
        ctx.globalAlpha = s.fillOpacity ?? 1;
        ctx.fillStyle = s.fillColor;
        ctx.fill('evenodd');
      }
      if (s.weight) {
        ctx.globalAlpha = s.opacity ?? 1;
        ctx.strokeStyle = s.color;
        ctx.lineWidth = s.weight * ratio;
        ctx.setLineDash(s.dash ? s.dash.map((d) => d * ratio) : []);
        ctx.stroke();
      }
    }
    ctx.globalAlpha = 1;
  },

  _checkHidden() {
    if (this._map && this._map.getZoom() < this.options.minZoom) {
      this.fire('hidden');
    }
  },

  _ready() {
    this.fire('ready', { count: this.drawnCount(), truncated: false });
  },

  _forget(e) {
    this._features.delete(this._tileCoordsToKey(e.coords));
  },

  _failed(e) {
    this.fire('error', { error: e.error });
  },
});
