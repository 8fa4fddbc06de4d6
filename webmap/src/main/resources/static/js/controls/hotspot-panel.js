// The 热点分析 panel: the period (本月 / 上月 / 近三月 / 本年) and type that every 热点 layer uses, which of the
// three layers to show, how the units are cut (grids or hexagons), and each layer's legend. Problems the server
// explains (too few disputes for a statistical claim, a period without disputes) are shown here, not as a blank map.
import { DISPUTE_TYPES } from '../terms.js';
import { GI_BINS, EMERGING_COLORS } from '../layers/hotspots.js';

const PAD = (n) => String(n).padStart(2, '0');
const iso = (d) => `${d.getFullYear()}-${PAD(d.getMonth() + 1)}-${PAD(d.getDate())}`;

/** The period presets as the API's parameters, from today's date in the browser. */
export function periodParams(preset, today = new Date()) {
  const y = today.getFullYear();
  const m = today.getMonth();
  switch (preset) {
    case 'lastMonth': {
      const d = new Date(y, m - 1, 1);
      return { month: `${d.getFullYear()}-${PAD(d.getMonth() + 1)}` };
    }
    case 'threeMonths':
      return { from: iso(new Date(y, m - 2, 1)), to: iso(today) };
    case 'year':
      return { from: `${y}-01-01`, to: iso(today) };
    default: // this month so far
      return { from: iso(new Date(y, m, 1)), to: iso(today) };
  }
}

const PRESETS = [['thisMonth', '本月'], ['lastMonth', '上月'], ['threeMonths', '近三月'], ['year', '本年']];

function field(parent, label) {
  const wrap = L.DomUtil.create('label', 'pg-field', parent);
  wrap.textContent = label;
  return wrap;
}

function select(parent, name, label, options) {
  const element = L.DomUtil.create('select', '', field(parent, label));
  element.name = name;
  for (const [value, text] of options) {
    const option = L.DomUtil.create('option', '', element);
    option.value = value;
    option.textContent = text;
  }
  return element;
}

function checkbox(parent, name, label, checked) {
  const wrap = L.DomUtil.create('label', 'pg-check', parent);
  const box = L.DomUtil.create('input', '', wrap);
  Object.assign(box, { type: 'checkbox', name, checked });
  wrap.appendChild(document.createTextNode(label));
  return box;
}

function swatchRow(list, color, text) {
  const item = L.DomUtil.create('li', '', list);
  const s = L.DomUtil.create('span', 'pg-swatch pg-swatch-fill', item);
  s.style.background = color;
  item.appendChild(document.createTextNode(text));
}

export const HotspotPanelControl = L.Control.extend({
  includes: L.Evented.prototype, // fires 'loaded' ({layer, ...}) and 'failed' ({layer, error})
  options: {
    position: 'topleft',
    collapsed: true, // the analysis runs only when the panel is opened
  },

  /** `group` is the 热点 layer group; `layers` its density, gi and emerging layers. */
  initialize(group, layers, options) {
    L.setOptions(this, options);
    this._group = group;
    this._layers = layers;
  },

  onAdd(map) {
    this._map = map;
    const container = L.DomUtil.create('div', 'pg-hotspot-panel leaflet-bar');
    L.DomEvent.disableClickPropagation(container);
    L.DomEvent.disableScrollPropagation(container);
    const toggle = L.DomUtil.create('button', 'pg-hotspot-panel-toggle', container);
    toggle.type = 'button';
    toggle.textContent = '热点'; // short: on a phone every control's width is map taken away
    toggle.title = '热点分析：核密度、冷热点、时空趋势';
    const body = L.DomUtil.create('div', 'pg-hotspot-panel-body', container);

    this._preset = select(body, 'preset', '期间（排查时间）', PRESETS);
    this._type = select(body, 'type', '纠纷类型', [['', '全部']].concat(Object.entries(DISPUTE_TYPES)));
    this._unit = select(body, 'unit', '分析单元', [['grid', '网格'], ['hex', '六边形（边长 250 米）']]);
    this._show = {
      density: checkbox(body, 'density', '核密度热力图', true),
      gi: checkbox(body, 'gi', '冷热点（Gi*，FDR 校正）', true),
      emerging: checkbox(body, 'emerging', '时空热点趋势（近 12 个月）', false),
    };
    this._status = L.DomUtil.create('p', 'pg-hotspot-status', body);
    this._status.setAttribute('role', 'status');
    this._legend = L.DomUtil.create('div', 'pg-hotspot-legend', body);

    const reload = () => this.refresh();
    [this._preset, this._type, this._unit].forEach((e) => L.DomEvent.on(e, 'change', reload));
    Object.values(this._show).forEach((e) => L.DomEvent.on(e, 'change', reload));
    L.DomEvent.on(toggle, 'click', () => this._setExpanded(!container.classList.contains('pg-expanded')));
    this._container = container;
    this._toggle = toggle;
    // ticking 热点 in the layer control opens the panel (on a phone that is the only way in: no toggle is shown)
    map.on('overlayadd', (e) => {
      if (e.layer === this._group && !container.classList.contains('pg-expanded')) {
        this._setExpanded(true);
      }
    }).on('overlayremove', (e) => {
      if (e.layer === this._group && container.classList.contains('pg-expanded')) {
        this._setExpanded(false);
      }
    });
    this._setExpanded(!this.options.collapsed);
    return container;
  },

  params() {
    return { ...periodParams(this._preset.value), type: this._type.value, unit: this._unit.value };
  },

  /** Shows the chosen layers for the chosen period and type; resolves when all have answered. */
  refresh() {
    const generation = (this._generation || 0) + 1; // answers of an older refresh are ignored
    this._generation = generation;
    const params = this.params();
    const messages = [];
    const legend = [];
    const jobs = Object.entries(this._layers).map(([name, layer]) => {
      if (!this._show[name].checked) {
        this._group.removeLayer(layer);
        return Promise.resolve();
      }
      this._group.addLayer(layer);
      return layer.load(params).then((result) => {
        if (result === null || generation !== this._generation) {
          return;
        }
        legend.push([name, result]);
        this.fire('loaded', { layer: name });
      }, (error) => {
        if (generation !== this._generation) {
          return;
        }
        layer.clearLayers();
        messages.push(error.message);
        this.fire('failed', { layer: name, error });
      });
    });
    this._status.textContent = '正在分析…';
    return Promise.all(jobs).then(() => {
      if (generation !== this._generation) {
        return;
      }
      this._status.textContent = messages.length ? [...new Set(messages)].join('；') : '';
      this._status.classList.toggle('pg-form-error', messages.length > 0);
      this._drawLegend(legend);
    });
  },

  _drawLegend(results) {
    this._legend.textContent = '';
    const order = ['density', 'gi', 'emerging'];
    results.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
    for (const [name, result] of results) {
      if (name === 'density' && result.breaks) {
        L.DomUtil.create('h3', '', this._legend).textContent = `核密度（件/km²，半径 ${Math.round(result.radius)} 米）`;
        const list = L.DomUtil.create('ul', '', this._legend);
        const colors = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
        for (let i = 0; i < colors.length; i += 1) {
          swatchRow(list, colors[i], `${result.breaks[i]} – ${result.breaks[i + 1]}`);
        }
      } else if (name === 'gi') {
        L.DomUtil.create('h3', '', this._legend).textContent = `冷热点（距离带 ${Math.round(result.bandMeters)} 米）`;
        const list = L.DomUtil.create('ul', '', this._legend);
        GI_BINS.forEach(([, color, text]) => swatchRow(list, color, text));
      } else if (name === 'emerging') {
        L.DomUtil.create('h3', '', this._legend).textContent = `时空趋势（${result.firstMonth} 至 ${result.lastMonth}）`;
        const list = L.DomUtil.create('ul', '', this._legend);
        const present = new Set(result.features.map((f) => f.properties.pattern));
        for (const p of result.patterns) {
          if (p.code !== 'NO_PATTERN' && present.has(p.code)) {
            swatchRow(list, EMERGING_COLORS[p.code], p.label);
          }
        }
        if (![...present].some((c) => c !== 'NO_PATTERN')) {
          L.DomUtil.create('li', '', list).textContent = '无明显时空模式';
        }
      }
    }
  },

  _setExpanded(expanded) {
    this._container.classList.toggle('pg-expanded', expanded);
    this._toggle.setAttribute('aria-expanded', String(expanded));
    if (expanded) {
      this._map.addLayer(this._group);
      this.refresh();
    } else {
      this._map.removeLayer(this._group);
    }
  },
});
