// The legend: building uses, road classes and boundaries. Collapsible; starts collapsed on small screens.
import { BUILDING_USES, ROAD_CLASSES } from '../terms.js';
import { USE_COLORS } from '../layers/buildings.js';
import { ROAD_STYLES } from '../layers/roads.js';

const BOUNDARIES = [
  ['pg-swatch-town', '镇界'],
  ['pg-swatch-village', '村（社区）界'],
  ['pg-swatch-grid', '网格界'],
  ['pg-swatch-river', '水系'],
];

function row(list, swatch, text) {
  const item = L.DomUtil.create('li', '', list);
  item.appendChild(swatch);
  item.appendChild(document.createTextNode(text));
}

function swatch(className) {
  return L.DomUtil.create('span', `pg-swatch ${className}`);
}

function section(parent, title) {
  L.DomUtil.create('h3', '', parent).textContent = title;
  return L.DomUtil.create('ul', '', parent);
}

export const LegendControl = L.Control.extend({
  options: {
    position: 'topright', // under the layer control
    collapsed: null, // true/false; null: collapsed when the screen is narrow or low
  },

  onAdd() {
    const container = L.DomUtil.create('div', 'pg-legend leaflet-bar');
    L.DomEvent.disableClickPropagation(container);
    L.DomEvent.disableScrollPropagation(container);
    const toggle = L.DomUtil.create('button', 'pg-legend-toggle', container);
    toggle.type = 'button';
    toggle.textContent = '图例';
    const body = L.DomUtil.create('div', 'pg-legend-body', container);
    body.id = 'pg-legend-body';
    toggle.setAttribute('aria-controls', body.id);

    const uses = section(body, '楼栋用途');
    for (const [use, name] of Object.entries(BUILDING_USES)) {
      const s = swatch('pg-swatch-fill');
      s.style.background = USE_COLORS[use];
      row(uses, s, name);
    }
    const roads = section(body, '道路');
    for (const [roadClass, name] of Object.entries(ROAD_CLASSES)) {
      const s = swatch('pg-swatch-line');
      s.style.borderTopColor = ROAD_STYLES[roadClass].color;
      s.style.borderTopWidth = `${Math.max(1, Math.round(ROAD_STYLES[roadClass].weight))}px`;
      row(roads, s, name);
    }
    const lines = section(body, '边界');
    for (const [className, name] of BOUNDARIES) {
      row(lines, swatch(className), name);
    }
    this._myArea = L.DomUtil.create('li', 'pg-legend-my-area', lines);
    this._myArea.appendChild(swatch('pg-swatch-my-area'));
    this._myAreaName = this._myArea.appendChild(document.createTextNode(''));
    this._myArea.hidden = true;

    const collapsed = this.options.collapsed
      ?? window.matchMedia('(max-width: 600px), (max-height: 560px)').matches;
    this._setExpanded(toggle, container, !collapsed);
    L.DomEvent.on(toggle, 'click', () => this._setExpanded(toggle, container,
      !container.classList.contains('pg-expanded')));
    return container;
  },

  /** Adds a section of entries, each [swatch element, text], e.g. for a thematic layer. */
  addSection(title, entries) {
    const list = section(this._container.querySelector('.pg-legend-body'), title);
    for (const [s, text] of entries) {
      row(list, s, text);
    }
    return this;
  },

  /** Adds the "my area" entry, naming the area, once an area is shown. */
  showMyArea(name) {
    this._myAreaName.textContent = `我的区域：${name}`;
    this._myArea.title = '区域外的部分变暗显示';
    this._myArea.hidden = false;
    return this;
  },

  _setExpanded(toggle, container, expanded) {
    container.classList.toggle('pg-expanded', expanded);
    toggle.setAttribute('aria-expanded', String(expanded));
    toggle.title = expanded ? '收起图例' : '展开图例';
  },
});
