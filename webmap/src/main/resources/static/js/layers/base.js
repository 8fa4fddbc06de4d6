// The offline base map: the neighbouring towns (light, with their names) and the town's land, drawn from our
// own data, so the map needs no tiles. The town border is a separate overlay that stays on above any tiles.
import { api } from '../api.js';

export const OfflineBaseLayer = L.LayerGroup.extend({
  options: {
    pane: 'pgBase', // below water, roads and areas
    townFill: '#fbf8ef', // the town's land
    neighbourFill: '#eceee6', // the neighbours' land, a little darker than the town
  },

  initialize(options) {
    L.setOptions(this, options);
    L.LayerGroup.prototype.initialize.call(this);
    const { pane } = this.options;
    this._neighbours = L.geoJSON(null, {
      pane,
      interactive: false,
      style: (f) => ({
        color: f.properties.countyBorder ? '#9a8f7a' : '#b9bcb0',
        weight: 1,
        dashArray: f.properties.countyBorder ? '6 4' : null,
        fillColor: this.options.neighbourFill,
        fillOpacity: 1,
      }),
      onEachFeature: (f, layer) => {
        const p = f.properties;
        const county = p.countyBorder && p.county ? `（${p.county}）` : '';
        layer.bindTooltip(`${p.name}${county}`, {
          permanent: true, direction: 'center', className: 'pg-neighbour-name', pane: 'pgLabels',
        });
      },
    });
    this._land = L.geoJSON(null, {
      pane, interactive: false, stroke: false, fillColor: this.options.townFill, fillOpacity: 1,
    });
    this.addLayer(this._neighbours).addLayer(this._land);
  },

  /** Fetches the neighbours and the town; resolves with the town Feature. */
  load() {
    return Promise.all([api.neighbours(), api.town()]).then(([neighbours, town]) => {
      this._neighbours.addData(neighbours);
      this._land.addData(town);
      this.fire('load', { count: neighbours.features.length });
      return town;
    });
  },
});

/** The town border, a strong line over the base map or tiles. */
export const TownBorderLayer = L.GeoJSON.extend({
  options: {
    pane: 'pgVillages', // with the area outlines
    interactive: false, // clicks go through to the map (click-to-locate)
    fill: false, // a line only: the land is the base map's
    color: '#7a3e1d', // the strongest boundary on the map
    weight: 3.5, // px
    opacity: 0.9,
  },
});
