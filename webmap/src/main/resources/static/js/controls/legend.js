// One legend, built from the layers that are on: each entry belongs to a layer and shows only while that layer is
// on the map, and every kind of line or symbol appears once. Collapsible; starts collapsed on small screens.
import { BUILDING_USES, DISPUTE_STATUSES, HAZARD_LEVELS, ROAD_CLASSES, SITE_KINDS } from '../terms.js';
import { USE_COLORS } from '../layers/buildings.js';
import { ROAD_STYLES } from '../layers/roads.js';
import { SITE_SYMBOLS } from '../layers/sites.js';
import { HAZARD_COLORS } from '../layers/hazards.js';
import { SEGMENT_STYLES, ZONE_CLASSES } from '../layers/borders.js';
import { SHARE_COLORS, STATUS_COLORS } from '../layers/disputes.js';

function swatch(className, style = {}, glyph = '') {
  const s = L.DomUtil.create('span', `pg-swatch ${className}`);
  Object.assign(s.style, style);
  s.textContent = glyph;
  return s;
}

function line(style) {
  return swatch('pg-swatch-line', { borderTopColor: style.color, borderTopStyle: style.dashArray ? 'dashed' : 'solid',
    borderTopWidth: `${Math.max(1, Math.round(style.weight))}px` });
}

/**
 * The legend's entries for the map's layers (an object of layers by name, as main.js holds them): [section,
 * layer, swatch, text], in the order shown.
 */
export function legendEntries(l) {
  const entries = [];
  const add = (section, layer, s, text) => layer && entries.push([section, layer, s, text]);
  add('边界', l.myArea, swatch('pg-swatch-my-area'), '我的区域');
  add('边界', l.townBorder, swatch('pg-swatch-town'), '镇界');
  add('边界', l.villages, swatch('pg-swatch-village'), '村（社区）界');
  add('边界', l.grids, swatch('pg-swatch-grid'), '网格界');
  add('边界', l.borders, line(SEGMENT_STYLES.county), '县界（与邻县）');
  add('边界', l.borders, line(SEGMENT_STYLES.town), '与邻镇交界');
  add('边界', l.borders, line(SEGMENT_STYLES.village), '村与村交界');
  for (const [, color, text] of ZONE_CLASSES) {
    add('边界敏感区（所选期间纠纷）', l.zones, swatch('pg-swatch-zone', { borderColor: color }), text);
  }
  add('矛盾纠纷', l.disputes, swatch('pg-swatch-cluster', { background: `conic-gradient(${SHARE_COLORS.overdue} 0 25%,`
    + ` ${SHARE_COLORS.open} 25% 60%, ${SHARE_COLORS.concluded} 60% 100%)` }), '汇总圈：红 逾期，橙 未结，绿 已结');
  for (const code of ['REGISTERED', 'MEDIATING', 'ESCALATED', 'REFERRED', 'RESOLVED']) {
    add('矛盾纠纷', l.disputes, swatch('pg-swatch-dot', { background: STATUS_COLORS[code] }), DISPUTE_STATUSES[code]);
  }
  add('矛盾纠纷', l.disputes, swatch('pg-swatch-dot pg-swatch-overdue'), '逾期未结');
  for (const [kind, name] of Object.entries(SITE_KINDS)) {
    add('平安创建', l.sites, swatch(`pg-swatch-site pg-site-${kind}`, {}, SITE_SYMBOLS[kind][0]), name);
  }
  for (const [level, name] of Object.entries(HAZARD_LEVELS)) {
    add('风险隐患', l.hazards, swatch('pg-swatch-dot', { background: HAZARD_COLORS[level] }), name);
  }
  add('风险隐患', l.hazards, swatch('pg-swatch-dot pg-swatch-overdue'), '复核逾期');
  for (const [roadClass, name] of Object.entries(ROAD_CLASSES)) {
    add('道路', l.roads, line(ROAD_STYLES[roadClass]), name);
  }
  add('道路', l.water, swatch('pg-swatch-river'), '水系');
  for (const [use, name] of Object.entries(BUILDING_USES)) {
    add('楼栋用途（15 级以上）', l.buildings, swatch('pg-swatch-fill', { background: USE_COLORS[use] }), name);
  }
  return entries;
}

export const LegendControl = L.Control.extend({
  options: {
    position: 'topright', // under the layer control
    collapsed: null, // true/false; null: collapsed when the screen is narrow or low
  },

  /** `entries`: a function giving [section, layer, swatch, text] rows (legendEntries over the map's layers). */
  initialize(entries, options) {
    L.setOptions(this, options);
    this._entries = entries;
  },

  onAdd(map) {
    const container = L.DomUtil.create('div', 'pg-legend leaflet-bar');
    L.DomEvent.disableClickPropagation(container);
    L.DomEvent.disableScrollPropagation(container);
    const toggle = L.DomUtil.create('button', 'pg-legend-toggle', container);
    toggle.type = 'button';
    toggle.textContent = '图例';
    this._body = L.DomUtil.create('div', 'pg-legend-body', container);
    this._body.id = 'pg-legend-body';
    toggle.setAttribute('aria-controls', this._body.id);
    const collapsed = this.options.collapsed
      ?? window.matchMedia('(max-width: 600px), (max-height: 560px)').matches;
    this._setExpanded(toggle, container, !collapsed);
    L.DomEvent.on(toggle, 'click', () => this._setExpanded(toggle, container,
      !container.classList.contains('pg-expanded')));
    map.on('layeradd layerremove', this._schedule, this);
    this.refresh();
    return container;
  },

  onRemove(map) {
    map.off('layeradd layerremove', this._schedule, this);
  },

  _schedule() {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this.refresh(), 50);
  },

  /** Rebuilds the legend from the layers on the map now. */
  refresh() {
    if (!this._map) {
      return this;
    }
    this._body.textContent = '';
    const sections = new Map();
    for (const [section, layer, s, text] of this._entries()) {
      if (!this._map.hasLayer(layer)) {
        continue;
      }
      if (!sections.has(section)) {
        L.DomUtil.create('h3', '', this._body).textContent = section;
        sections.set(section, L.DomUtil.create('ul', '', this._body));
      }
      const item = L.DomUtil.create('li', '', sections.get(section));
      item.appendChild(s);
      item.appendChild(document.createTextNode(text));
    }
    this._body.dataset.sections = [...sections.keys()].join('|');
    return this;
  },

  _setExpanded(toggle, container, expanded) {
    container.classList.toggle('pg-expanded', expanded);
    toggle.setAttribute('aria-expanded', String(expanded));
    toggle.title = expanded ? '收起图例' : '展开图例';
  },
});
