// Grid outlines; their names (and, closer in, codes) as labels once zoomed in far enough to read them.
import { api } from '../api.js';
import { labelLatLng, textLabel } from './label.js';

export const GridsLayer = L.LayerGroup.extend({
  options: {
    pane: 'pgGrids', // below village borders
    labelPane: 'pgLabels', // names above all area outlines, below the my-area mask
    labelMinZoom: 14, // grid names from this zoom
    codeMinZoom: 16, // grid codes under the names from this zoom
    color: '#3a78b5', // grid border
  },

  initialize(options) {
    L.setOptions(this, options);
    L.LayerGroup.prototype.initialize.call(this);
    this._outlines = L.geoJSON(null, {
      pane: this.options.pane, interactive: false, fill: false,
      color: this.options.color, weight: 1.2, opacity: 0.8, dashArray: '5 4',
    });
    this._labels = L.layerGroup();
    this.addLayer(this._outlines);
  },

  onAdd(map) {
    L.LayerGroup.prototype.onAdd.call(this, map);
    map.on('zoomend', this._updateLabels, this);
    this._updateLabels();
  },

  onRemove(map) {
    map.off('zoomend', this._updateLabels, this);
    this.removeLayer(this._labels);
    L.DomUtil.removeClass(map.getContainer(), 'pg-show-grid-codes');
    L.LayerGroup.prototype.onRemove.call(this, map);
  },

  /** Fetches the features and draws them; resolves with how many there are. */
  load() {
    return api.grids().then((fc) => {
      this._outlines.addData(fc);
      for (const f of fc.features) {
        const p = f.properties;
        const name = p.seq ? `第${String(p.seq).padStart(2, '0')}网格` : p.name;
        this._labels.addLayer(textLabel(labelLatLng(p), [name, p.code],
          { className: 'pg-label-grid', pane: this.options.labelPane }));
      }
      this.fire('load', { count: fc.features.length });
      return fc.features.length;
    });
  },

  _updateLabels() {
    const zoom = this._map.getZoom();
    const show = zoom >= this.options.labelMinZoom;
    if (show !== this.hasLayer(this._labels)) {
      if (show) {
        this.addLayer(this._labels);
      } else {
        this.removeLayer(this._labels);
      }
    }
    L.DomUtil[zoom >= this.options.codeMinZoom ? 'addClass' : 'removeClass'](
      this._map.getContainer(), 'pg-show-grid-codes');
  },
});
