// The patrol panel (辅警巡逻): choose a shift (date, start, length, mode, base; the town office also the village),
// plan it, see the route on the map with numbered stops and ETAs, open the printable route sheet, download GPX.
import { api } from '../api.js';

const LENGTHS = [[120, '2 小时'], [180, '3 小时'], [240, '4 小时'], [360, '6 小时'], [480, '8 小时']];
const MODES = [['WALK', '步行'], ['EBIKE', '电动车'], ['CAR', '汽车']];
const BASES = [['VILLAGE', '村委会'], ['POLICE', '派出所']];

function field(parent, label, element) {
  const wrap = L.DomUtil.create('label', 'pg-field', parent);
  wrap.textContent = label;
  wrap.appendChild(element);
  return element;
}

function select(name, options, value) {
  const element = document.createElement('select');
  element.name = name;
  for (const [code, text] of options) {
    const option = document.createElement('option');
    option.value = String(code);
    option.textContent = text;
    element.appendChild(option);
  }
  if (value !== undefined) {
    element.value = String(value);
  }
  return element;
}

function localDate(d) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const hhmm = (local) => local.slice(11, 16);

export const PatrolControl = L.Control.extend({
  includes: L.Evented.prototype, // fires planned ({plan}) and planfailed ({error})
  options: {
    position: 'topleft', // with the other panels, under the zoom buttons
    chooseVillage: false, // the town office plans for any village; an officer for their own
    collapsed: true, // opened by its button
  },

  initialize(route, options) {
    L.setOptions(this, options);
    this._route = route;
  },

  onAdd(map) {
    this._map = map;
    const container = L.DomUtil.create('div', 'pg-patrol-panel leaflet-bar');
    L.DomEvent.disableClickPropagation(container);
    L.DomEvent.disableScrollPropagation(container);
    const toggle = L.DomUtil.create('button', 'pg-patrol-toggle', container);
    toggle.type = 'button';
    toggle.textContent = '巡逻'; // short: the collapsed panels share a phone's screen with the map
    toggle.title = '巡逻路线';
    const body = L.DomUtil.create('form', 'pg-patrol-body', container);
    const date = document.createElement('input');
    Object.assign(date, { type: 'date', name: 'date', value: localDate(new Date()) });
    this._date = field(body, '日期', date);
    const start = document.createElement('input');
    Object.assign(start, { type: 'time', name: 'start', value: '08:00' });
    this._start = field(body, '开始', start);
    this._length = field(body, '时长', select('lengthMinutes', LENGTHS, 240));
    this._mode = field(body, '方式', select('mode', MODES, 'EBIKE'));
    this._base = field(body, '出发点', select('base', BASES, 'VILLAGE'));
    if (this.options.chooseVillage) {
      this._village = field(body, '村（社区）', select('village', []));
      api.villages().then((fc) => {
        for (const f of fc.features) {
          const option = document.createElement('option');
          option.value = f.properties.code;
          option.textContent = f.properties.name;
          this._village.appendChild(option);
        }
      });
    }
    const submit = L.DomUtil.create('button', 'pg-patrol-plan', body);
    submit.type = 'submit';
    submit.textContent = '规划路线';
    this._error = L.DomUtil.create('p', 'pg-form-error', body);
    this._error.setAttribute('role', 'alert');
    this._result = L.DomUtil.create('div', 'pg-patrol-result', body);
    L.DomEvent.on(body, 'submit', (e) => {
      L.DomEvent.preventDefault(e);
      this.plan();
    });
    L.DomEvent.on(toggle, 'click', () => container.classList.toggle('pg-expanded'));
    if (!this.options.collapsed) {
      container.classList.add('pg-expanded');
    }
    this._container = container;
    return container;
  },

  /** Plans the shift in the form; resolves with the plan. */
  plan() {
    this._error.textContent = '';
    this._result.textContent = '正在规划…';
    const shift = {
      date: this._date.value, start: this._start.value, lengthMinutes: Number(this._length.value),
      mode: this._mode.value, base: this._base.value,
    };
    if (this._village) {
      shift.village = this._village.value;
    }
    return api.planPatrol(shift).then((plan) => {
      this.show(plan);
      this.fire('planned', { plan });
      return plan;
    }, (error) => {
      this._result.textContent = '';
      this._error.textContent = `规划失败：${error.message}`;
      this.fire('planfailed', { error });
    });
  },

  /** Draws the plan and lists its stops with times, links to the route sheet and the GPX. */
  show(plan) {
    this._route.showPlan(plan);
    if (!this._map.hasLayer(this._route)) {
      this._route.addTo(this._map);
    }
    const bounds = this._route.getBounds();
    if (bounds.isValid()) {
      this._map.fitBounds(bounds, { padding: [30, 30] });
    }
    this._result.textContent = '';
    const summary = L.DomUtil.create('p', 'pg-patrol-summary', this._result);
    summary.textContent = `${plan.villageName} ${plan.modeName}巡逻：${plan.stops.length} 个停靠点，`
      + `约 ${(plan.travelMeters / 1000).toFixed(1)} 公里，${hhmm(plan.departAt)} 出发，${hhmm(plan.returnAt)} 返回`;
    const list = L.DomUtil.create('ol', 'pg-patrol-stops', this._result);
    for (const stop of plan.stops) {
      const item = L.DomUtil.create('li', '', list);
      item.textContent = `${hhmm(stop.arrive)}–${hhmm(stop.leave)} ${stop.name}`;
    }
    if (!plan.stops.length) {
      summary.textContent += '（本班次没有需要巡查的点位）';
    }
    const links = L.DomUtil.create('p', 'pg-patrol-links', this._result);
    const sheet = L.DomUtil.create('a', 'pg-patrol-sheet', links);
    sheet.href = api.patrolSheetUrl(plan.id);
    sheet.target = '_blank';
    sheet.textContent = '打印路线单';
    const gpx = L.DomUtil.create('a', 'pg-patrol-gpx', links);
    gpx.href = api.patrolGpxUrl(plan.id);
    gpx.textContent = '下载 GPX';
  },
});
