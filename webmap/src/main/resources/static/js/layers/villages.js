// Village and community outlines with their names drawn at each feature's `label` point.
import { api } from '../api.js';
import { labelLatLng, textLabel } from './label.js';

export const VillagesLayer = L.LayerGroup.extend({
  options: {
    pane: 'pgVillages', // above grids, so village borders stay visible
    labelPane: 'pgLabels', // names above all area outlines, below the my-area mask
    color: '#8c5a3c', // village border
    weight: 2, // px; the town border is thicker, grid borders thinner
  },

  initialize(options) {
    L.setOptions(this, options);
    L.LayerGroup.prototype.initialize.call(this);
    this._outlines = L.geoJSON(null, {
      pane: this.options.pane, interactive: false, fill: false,
      color: this.options.color, weight: this.options.weight, opacity: 0.85,
    });
    this._labels = L.layerGroup();
    this.addLayer(this._outlines).addLayer(this._labels);
  },

  /** Fetches the features and draws them; resolves with how many there are. */
  load() {
    return api.villages().then((fc) => {
      this._outlines.addData(fc);
      for (const f of fc.features) {
        const kind = f.properties.kind === 'community' ? 'pg-label-community' : '';
        this._labels.addLayer(textLabel(labelLatLng(f.properties), f.properties.name,
          { className: `pg-label-village ${kind}`, pane: this.options.labelPane }));
      }
      this.fire('load', { count: fc.features.length });
      return fc.features.length;
    });
  },
});
