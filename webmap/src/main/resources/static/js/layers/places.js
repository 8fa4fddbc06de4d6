// Named places (township government, police station, ferry, scenic spots, ...) as coloured dots; their names
// from a zoom where they no longer crowd the town centre.
import { api } from '../api.js';
import { PLACE_KINDS, termOf } from '../terms.js';
import { textLabel } from './label.js';

export const PlacesLayer = L.LayerGroup.extend({
  options: {
    pane: 'pgPlaces', // above the area outlines, below the area names and the my-area mask
    nameMinZoom: 15, // names from this zoom, dots only below
  },

  onAdd(map) {
    L.LayerGroup.prototype.onAdd.call(this, map);
    map.on('zoomend', this._updateNames, this);
    this._updateNames();
  },

  onRemove(map) {
    map.off('zoomend', this._updateNames, this);
    L.LayerGroup.prototype.onRemove.call(this, map);
  },

  /** Fetches the features and draws them; resolves with how many there are. */
  load() {
    return api.places().then((fc) => {
      for (const f of fc.features) {
        const [lng, lat] = f.geometry.coordinates;
        const p = f.properties;
        const label = textLabel([lat, lng], p.name || termOf(PLACE_KINDS, p.kind),
          { className: `pg-place pg-place-${p.kind}`, pane: this.options.pane });
        this.addLayer(label);
      }
      this.fire('load', { count: fc.features.length });
      return fc.features.length;
    });
  },

  _updateNames() {
    const show = this._map.getZoom() >= this.options.nameMinZoom;
    L.DomUtil[show ? 'addClass' : 'removeClass'](this._map.getContainer(), 'pg-show-place-names');
  },
});
