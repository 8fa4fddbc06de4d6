// 平安创建 sites: point sites as a round symbol with the kind's character, polygon sites outlined in the kind's
// colour; a dashed outline marks a site whose inspection is overdue. Filtered by kind and status on the server.
import { api } from '../api.js';
import { SITE_KINDS, SITE_STATUSES, termOf } from '../terms.js';

/** Per kind: the character on the symbol and the colour (also used by the legend). */
export const SITE_SYMBOLS = {
  VILLAGE: ['村', '#2e7d32'],
  ENTERPRISE: ['企', '#6d4c41'],
  CAMPUS: ['校', '#1565c0'],
  HOSPITAL: ['医', '#c62828'],
  TRAFFIC: ['交', '#ef6c00'],
  BORDER: ['边', '#6a1b9a'],
  COMPOUND: ['区', '#00838f'],
  SCENIC: ['景', '#558b2f'],
  TOWNSHIP: ['镇', '#37474f'],
  FAMILY: ['家', '#ad1457'],
};

/** A popup's content built from text nodes (names are user input: never HTML). */
export function popupContent(title, rows, actions = []) {
  const box = L.DomUtil.create('div', 'pg-feature-popup');
  L.DomUtil.create('strong', '', box).textContent = title;
  const list = L.DomUtil.create('dl', '', box);
  for (const [name, value] of rows) {
    if (value !== null && value !== undefined && value !== '') {
      L.DomUtil.create('dt', '', list).textContent = name;
      L.DomUtil.create('dd', '', list).textContent = String(value);
    }
  }
  for (const [text, onClick, className] of actions) {
    const button = L.DomUtil.create('button', `pg-popup-action ${className || ''}`, box);
    button.type = 'button';
    button.textContent = text;
    L.DomEvent.on(button, 'click', onClick);
  }
  return box;
}

export const SitesLayer = L.FeatureGroup.extend({
  options: {
    pane: 'pgSites', // above the area outlines and the border zones
    canEdit: false, // true for the town office: the detail offers 编辑
    panel: null, // the DetailPanel a click opens
  },

  initialize(options) {
    L.setOptions(this, options);
    L.FeatureGroup.prototype.initialize.call(this);
    this._filter = { kind: '', status: '' };
    this._features = new Map(); // id -> GeoJSON feature
  },

  /** Shows only the given kind and status codes ('' for all); resolves with the number shown. */
  setFilter(filter) {
    this._filter = { ...this._filter, ...filter };
    return this.load();
  },

  filter() {
    return { ...this._filter };
  },

  /** The GeoJSON features shown, for the test hook and the editor. */
  features() {
    return [...this._features.values()];
  },

  load() {
    return api.sites(this._filter).then((fc) => {
      this.clearLayers();
      this._features.clear();
      fc.features.forEach((f) => this._add(f));
      this.fire('load', { count: fc.features.length });
      return fc.features.length;
    });
  },

  _add(feature) {
    const p = feature.properties;
    const [glyph, color] = SITE_SYMBOLS[p.kind] || ['?', '#555'];
    const overdue = p.inspectionOverdue ? ' pg-site-overdue' : '';
    let layer;
    if (feature.geometry.type === 'Point') {
      const [lng, lat] = feature.geometry.coordinates;
      const icon = L.divIcon({
        className: `pg-site pg-site-${p.kind} pg-site-status-${p.status}${overdue}`,
        html: glyph, // a constant character of ours, not user input
        iconSize: [22, 22],
      });
      layer = L.marker([lat, lng], { icon, pane: this.options.pane, title: p.name, keyboard: false });
    } else {
      // the outline never takes a click (a 平安村 polygon covers a whole village): its symbol at the centre does
      const outline = L.geoJSON(feature, {
        pane: this.options.pane,
        interactive: false,
        style: { color, weight: 2, fill: false, dashArray: overdue ? '6 4' : null },
      });
      const centre = outline.getBounds().getCenter();
      const icon = L.divIcon({
        className: `pg-site pg-site-${p.kind} pg-site-status-${p.status}${overdue} pg-site-area`,
        html: glyph,
        iconSize: [22, 22],
      });
      layer = L.featureGroup([outline, L.marker(centre, { icon, pane: this.options.pane, title: p.name,
        keyboard: false })]);
    }
    this._features.set(p.id, feature);
    layer.on('click', (e) => {
      L.DomEvent.stopPropagation(e);
      this.show(p.id);
    });
    this.addLayer(layer);
  },

  /** Shows a site in the detail panel. */
  show(id) {
    const feature = this._features.get(id);
    const p = feature.properties;
    const body = this.options.panel.open({ title: `${p.name}（${termOf(SITE_KINDS, p.kind)}）`, key: `site:${id}` });
    const actions = this.options.canEdit ? [['编辑', () => this.fire('editsite', { feature }), 'pg-site-edit']] : [];
    body.appendChild(popupContent(termOf(SITE_STATUSES, p.status), [
      ['负责人', p.responsiblePerson],
      ['村（社区）', p.villageName],
      ['上次检查', p.lastInspectedOn],
      ['下次检查', p.nextInspectionDue ? `${p.nextInspectionDue}${p.inspectionOverdue ? '（已逾期）' : ''}` : null],
    ], actions));
  },
});
