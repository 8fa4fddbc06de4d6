// Borders: the town's outline by neighbour (a county border drawn thick and dashed in dark red, town borders in
// orange) and village-to-village boundaries (thin purple); the sensitive zones along them, shaded by how many
// disputes arose inside each in the chosen period. The town office changes a zone's width from its popup and marks
// a village boundary as a sensitive border area (only then does it have a zone; the town border always has one).
import { api } from '../api.js';
import { popupContent } from './sites.js';

export const SEGMENT_STYLES = {
  county: { color: '#8b0000', weight: 4, dashArray: '10 6' },
  town: { color: '#ef6c00', weight: 3 },
  village: { color: '#7b1fa2', weight: 1.5, dashArray: '4 4' },
};

/** Dispute-count classes of the zone shading: [lowest count, fill colour, legend text]. */
export const ZONE_CLASSES = [
  [0, '#fff3e0', '无纠纷'],
  [1, '#ffcc80', '1–2 起'],
  [3, '#fb8c00', '3–5 起'],
  [6, '#d84315', '6 起以上'],
];

function segmentStyle(p) {
  if (p.kind === 'VILLAGE') {
    return SEGMENT_STYLES.village;
  }
  return p.countyBorder ? SEGMENT_STYLES.county : SEGMENT_STYLES.town;
}

function zoneStroke(count) {
  return (count || 0) === 0 ? '#e0a060' : zoneFill(count);
}

function zoneFill(count) {
  let fill = ZONE_CLASSES[0][1];
  for (const [lowest, color] of ZONE_CLASSES) {
    if ((count || 0) >= lowest) {
      fill = color;
    }
  }
  return fill;
}

export const BorderSegmentsLayer = L.GeoJSON.extend({
  options: {
    pane: 'pgBorders', // above the village outlines
    canEdit: false, // true for the town office: the popup offers a width field
    zones: null, // the BorderZonesLayer whose dispute counts the detail shows, reloaded after a width change
    panel: null, // the DetailPanel a click opens
    style: (f) => segmentStyle(f.properties),
  },

  initialize(options) {
    L.GeoJSON.prototype.initialize.call(this, null, options);
    this.options.onEachFeature = (f, layer) => layer.on('click', (e) => {
      L.DomEvent.stopPropagation(e);
      this.options.panel.open({ title: `${f.properties.name}（边界敏感区）`, key: `border:${f.properties.id}` })
        .appendChild(this._popup(f));
    });
  },

  load() {
    return api.borderSegments().then((fc) => {
      this.clearLayers();
      this.addData(fc);
      return fc.features.length;
    });
  },

  _popup(f) {
    const p = f.properties;
    const count = this.options.zones ? this.options.zones.countOf(p.id) : null;
    const box = popupContent(p.name, [
      ['类型', p.kind === 'VILLAGE' ? '村界' : (p.countyBorder ? '县界' : '镇界')],
      ['涉及邻镇', p.neighbourName ? `${p.neighbourCounty}${p.neighbourName}` : null],
      ['长度', `${(p.lengthM / 1000).toFixed(1)} 公里`],
      ['敏感边界区域', p.sensitive ? '是' : '否（未划定）'],
      ['敏感区宽度', p.sensitive ? `${p.zoneWidthM} 米` : null],
      ['敏感区内纠纷（所选期间）', count === null || count === undefined ? null : `${count} 起`],
    ]);
    if (this.options.canEdit) {
      const form = L.DomUtil.create('form', 'pg-zone-width', box);
      const label = L.DomUtil.create('label', '', form);
      label.textContent = '敏感区宽度（米）';
      const input = L.DomUtil.create('input', '', label);
      Object.assign(input, { type: 'number', min: 50, max: 5000, step: 50, value: p.zoneWidthM, name: 'zoneWidthM' });
      let sensitive = null;
      if (p.kind === 'VILLAGE') {
        const mark = L.DomUtil.create('label', '', form);
        sensitive = L.DomUtil.create('input', '', mark);
        Object.assign(sensitive, { type: 'checkbox', checked: p.sensitive, name: 'sensitive' });
        mark.append('划为敏感边界区域');
      }
      const save = L.DomUtil.create('button', '', form);
      save.type = 'submit';
      save.textContent = '保存';
      const message = L.DomUtil.create('p', 'pg-form-error', form);
      L.DomEvent.on(form, 'submit', (e) => {
        L.DomEvent.preventDefault(e);
        message.textContent = '';
        const change = { zoneWidthM: Number(input.value) };
        if (sensitive) {
          change.sensitive = sensitive.checked;
        }
        api.changeZone(p.id, change).then(() => {
          message.textContent = '已保存';
          this.load();
          if (this.options.zones) {
            this.options.zones.load();
          }
          this.fire('widthchanged', { id: p.id });
        }, (error) => {
          message.textContent = error.message;
        });
      });
    }
    return box;
  },
});

/**
 * The zones, shaded by dispute count; not interactive (they cover much of the town and must not swallow clicks
 * meant for the map): their details and width are in the popups of the border lines.
 */
export const BorderZonesLayer = L.GeoJSON.extend({
  onAdd(map) {
    L.GeoJSON.prototype.onAdd.call(this, map);
    if (!this._loaded) {
      this._loaded = true; // loaded when first switched on: the layer is off by default
      this.load().catch(() => { this._loaded = false; });
    }
  },

  options: {
    pane: 'pgZones', // under the roads' labels and the sites
    interactive: false,
    // outlines in the count's colour, lightly filled: the town's names and the map under them stay readable
    style: (f) => ({ color: zoneStroke(f.properties.disputeCount), weight: 2, dashArray: '6 4',
      fillColor: zoneFill(f.properties.disputeCount), fillOpacity: 0.12, interactive: false }),
  },

  initialize(options) {
    L.GeoJSON.prototype.initialize.call(this, null, options);
    this._period = {};
    this._counts = new Map(); // segment id -> disputes in the period
  },

  /** Counts the disputes of {from, to} (yyyy-MM-dd, either may be empty) and reshades. */
  setPeriod(period) {
    this._period = { ...period };
    return this._map ? this.load() : Promise.resolve(0); // off the map: loaded when switched on
  },

  countOf(id) {
    return this._counts.get(id);
  },

  load() {
    return api.borderZones(this._period).then((fc) => {
      this.clearLayers();
      this._counts.clear();
      fc.features.forEach((f) => this._counts.set(f.properties.id, f.properties.disputeCount));
      this.addData(fc);
      this.fire('load', { count: fc.features.length });
      return fc.features.length;
    });
  },
});
