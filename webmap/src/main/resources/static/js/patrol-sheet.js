// The printable A4 route sheet of one patrol plan (patrol-sheet.html?id=…): the shift, a route sketch, and per
// stop the times and what to check. All user text goes in through textContent.
import { api } from './api.js';

const SVG = 'http://www.w3.org/2000/svg';
const hhmm = (local) => local.slice(11, 16);
const state = document.body.dataset; // test hook: data-sheet = ready | error

function el(name, attributes = {}, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attributes)) {
    node.setAttribute(k, String(v));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** A sketch of the route: legs as lines, base and numbered stops, fitted into the 400×260 box. */
function sketch(svg, plan) {
  const points = plan.legs.flat().concat(plan.stops.map((s) => [s.lng, s.lat]), [plan.base]);
  const cos = Math.cos((plan.base[1] * Math.PI) / 180);
  const xs = points.map((p) => p[0] * cos);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(380 / (maxX - minX || 1e-3), 240 / (maxY - minY || 1e-3));
  const at = ([lng, lat]) => [10 + (lng * cos - minX) * scale, 250 - (lat - minY) * scale];
  for (const leg of plan.legs) {
    if (leg.length > 1) {
      svg.appendChild(el('polyline', { points: leg.map((p) => at(p).map((n) => n.toFixed(1)).join(',')).join(' '),
        class: 'leg' }));
    }
  }
  const [bx, by] = at(plan.base);
  svg.appendChild(el('rect', { x: bx - 8, y: by - 8, width: 16, height: 16, class: 'base' }));
  svg.appendChild(el('text', { x: bx, y: by + 4, class: 'base-label' }, '起'));
  for (const stop of plan.stops) {
    const [x, y] = at([stop.lng, stop.lat]);
    svg.appendChild(el('circle', { cx: x, cy: y, r: 8, class: 'stop' }));
    svg.appendChild(el('text', { x, y: y + 4, class: 'stop-label' }, String(stop.order)));
  }
}

function row(tbody, cells) {
  const tr = document.createElement('tr');
  for (const cell of cells) {
    const td = document.createElement('td');
    if (Array.isArray(cell)) {
      const ul = document.createElement('ul');
      for (const line of cell) {
        const li = document.createElement('li');
        li.textContent = line;
        ul.appendChild(li);
      }
      td.appendChild(ul);
    } else {
      td.textContent = cell;
    }
    tr.appendChild(td);
  }
  tbody.appendChild(tr);
}

function render(plan) {
  document.title = `${plan.villageName}巡逻路线单 ${plan.date}`;
  document.getElementById('title').textContent = `${plan.villageName}辅警巡逻路线单`;
  document.getElementById('shift').textContent = `${plan.date} ${hhmm(plan.start)}–${hhmm(plan.end)}`
    + ` · ${plan.modeName} · 出发点：${plan.baseName} · 计划编号 ${plan.id}`;
  const totals = document.getElementById('totals');
  for (const [term, value] of [['停靠点', `${plan.stops.length} 个`],
    ['路程', `${(plan.travelMeters / 1000).toFixed(1)} 公里（行驶约 ${plan.travelMinutes} 分钟）`],
    ['出发', hhmm(plan.departAt)], ['返回', `${hhmm(plan.returnAt)} 前`],
    ['编制', `${plan.createdBy}`]]) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    totals.append(dt, dd);
  }
  sketch(document.getElementById('overview'), plan);
  const tbody = document.querySelector('#stops tbody');
  row(tbody, ['起', '', hhmm(plan.departAt), plan.baseName, ['领取装备，检查执法记录仪'], '']);
  for (const stop of plan.stops) {
    row(tbody, [String(stop.order), hhmm(stop.arrive), hhmm(stop.leave),
      `${stop.name}（${stop.kindName}）\n${stop.lat.toFixed(5)}, ${stop.lng.toFixed(5)}`, stop.checks, '']);
  }
  row(tbody, ['终', hhmm(plan.returnAt), '', plan.baseName, ['返回，上传巡逻轨迹'], '']);
  state.sheet = 'ready';
  state.sheetStops = String(plan.stops.length);
}

document.getElementById('print').addEventListener('click', () => window.print());
const id = new URLSearchParams(window.location.search).get('id');
api.patrolPlan(id).then(render, (error) => {
  document.getElementById('error').textContent = `无法打开路线单：${error.message}`;
  state.sheet = 'error';
});
