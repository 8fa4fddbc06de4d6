// 月度例会材料: the monthly pack for the leadership's meeting, from /api/meeting (the same tables as the XLSX), with
// the month's maps as server-drawn images and a 12-month trend chart per type (Chart.js). Prints on A4 landscape.
// Test hook: data-meeting-state ('loading', 'ready', 'error') on <body>, 'ready' once the images and chart are drawn.
import { api } from './api.js';
import { DISPUTE_TYPES, DISPUTE_STATUSES, DISPUTE_SEVERITIES, termOf } from './terms.js';

const state = document.body.dataset;
const TYPE_COLOURS = ['#8c510a', '#d73027', '#f46d43', '#fdae61', '#4575b4', '#313695', '#74add1', '#c51b7d',
  '#1a9850', '#999999'];

const percent = (rate) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);
/** Change of a count in percent; — when the base is zero (as the XLSX). */
const change = (now, before) => (before === 0 ? (now === 0 ? '0%' : '—')
  : `${now >= before ? '+' : ''}${((100 * (now - before)) / before).toFixed(1)}%`);
/** Change of a rate in percentage points. */
const points = (now, before) => (now === null || before === null || now === undefined || before === undefined ? '—'
  : `${now >= before ? '+' : ''}${(100 * (now - before)).toFixed(1)}`);
const confidence = (bin) => ({ 3: '99%', 2: '95%', 1: '90%' })[Math.abs(bin)] || '不显著';

function fill(selector, rows, cells) {
  const body = document.querySelector(`${selector} tbody`);
  body.textContent = '';
  if (!rows.length) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = document.querySelector(`${selector} thead tr`).cells.length + 8;
    cell.className = 'pg-empty';
    cell.textContent = '本月无';
    return;
  }
  for (const row of rows) {
    const tr = body.insertRow();
    for (const value of cells(row)) {
      tr.insertCell().textContent = value === null || value === undefined ? '—' : String(value);
    }
  }
}

function kpiCells(r) {
  const k = r.current;
  return [r.name, k.registered, change(k.registered, r.previousMonth.registered),
    change(k.registered, r.lastYear.registered), percent(k.resolutionRate),
    points(k.resolutionRate, r.previousMonth.resolutionRate), points(k.resolutionRate, r.lastYear.resolutionRate),
    percent(k.villageRate), percent(k.townRate), k.sentBeyondTown, k.overdue,
    k.weeks ? `${k.sweepsFiled}/${k.weeks}` : '—'];
}

/** An image that says why instead of showing a broken icon; resolves either way. */
function mapImage(container, url, alt) {
  container.textContent = '';
  return new Promise((resolve) => {
    const img = new Image();
    img.alt = alt;
    img.onload = () => resolve(true);
    img.onerror = () => {
      container.textContent = '';
      note(container, '本月纠纷过少或没有纠纷，无法绘制此图');
      resolve(false);
    };
    img.src = url;
    container.appendChild(img);
  });
}

function note(container, text) {
  const p = document.createElement('p');
  p.className = 'pg-note';
  p.textContent = text;
  container.appendChild(p);
}

let chart = null;

function drawTrend(trend) {
  if (chart) {
    chart.destroy();
  }
  chart = new window.Chart(document.getElementById('meeting-trend'), {
    type: 'line',
    data: {
      labels: trend.months,
      datasets: trend.series.map((s, i) => ({ label: s.label, data: s.counts, borderColor: TYPE_COLOURS[i],
        backgroundColor: TYPE_COLOURS[i], borderWidth: 1.5, pointRadius: 2, tension: 0 })),
    },
    options: {
      animation: false, // printed at once, and the same on screen and paper
      responsive: false,
      plugins: { legend: { position: 'right' } },
      scales: { y: { beginAtZero: true, title: { display: true, text: '件' }, ticks: { precision: 0 } } },
    },
  });
}

function render(pack) {
  document.getElementById('meeting-subtitle').textContent = `${pack.month.replace('-', ' 年 ')} 月 · ${pack.areaName}`
    + ` · 统计期间 ${pack.from} 至 ${pack.to}`;
  const rows = pack.town ? pack.villages.concat([pack.town]) : pack.villages;
  fill('#meeting-kpis', rows, kpiCells);
  const h = pack.hotspots;
  document.getElementById('meeting-hotspot-note').textContent = h.problem
    ? h.problem : `本月 ${h.disputes} 件纠纷，网格 Gi* 距离带 ${Math.round(h.bandMeters)} 米；列出 FDR 校正后显著的热点网格。`;
  fill('#meeting-hotspots', h.top, (t) => [t.gridName, t.villageName, t.count, t.z, confidence(t.fdrBin),
    t.dominantType ? `${termOf(DISPUTE_TYPES, t.dominantType)}（${t.dominantTypeCount} 件）` : '—']);
  fill('#meeting-overdue', pack.overdue, (c) => [c.id, termOf(DISPUTE_TYPES, c.type),
    termOf(DISPUTE_SEVERITIES, c.severity), termOf(DISPUTE_STATUSES, c.status), c.villageName, c.sweptOn, c.deadline,
    c.responsibleUnit, c.responsiblePerson]);
  document.getElementById('meeting-town-sweep').textContent = pack.sweeps.townMonthlyFiled === null ? ''
    : `镇每月排查：${pack.sweeps.townMonthlyFiled ? '本月已开展' : '本月未开展'}`;
  fill('#meeting-sweeps', pack.sweeps.villages, (s) => [s.name, s.filed, s.weeks, percent(s.compliance)]);
  fill('#meeting-sites', pack.scorecards, (c) => [c.villageName, c.total, c.byStatus.BUILDING || 0,
    c.byStatus.MET || 0, c.byStatus.NOT_MET || 0, c.byStatus.UNDER_REVIEW || 0, c.overdueInspections,
    c.linkedDisputes]);
  fill('#meeting-border', pack.crossBorder, (b) => [b.id, termOf(DISPUTE_TYPES, b.type),
    termOf(DISPUTE_STATUSES, b.status), b.occurredOn, b.villageName, b.concerns, b.neighbours || '—']);
  fill('#meeting-sensitive', pack.sensitive, (c) => [c.id, termOf(DISPUTE_TYPES, c.type),
    termOf(DISPUTE_SEVERITIES, c.severity), termOf(DISPUTE_STATUSES, c.status), c.villageName, c.sweptOn]);
  drawTrend(pack.trend);
  document.getElementById('meeting').hidden = false;
  const images = [mapImage(document.getElementById('meeting-density'), api.hotspotDensityMapUrl(pack.month),
    '本月纠纷核密度图')];
  if (h.problem) {
    const gi = document.getElementById('meeting-gi');
    gi.textContent = '';
    note(gi, h.problem);
  } else {
    images.push(mapImage(document.getElementById('meeting-gi'), api.hotspotGiMapUrl(pack.month), '本月冷热点图'));
  }
  return Promise.all(images);
}

function load(month) {
  const error = document.getElementById('meeting-error');
  error.textContent = '';
  state.meetingState = 'loading';
  api.meeting(month).then((pack) => {
    document.getElementById('meeting-month').value = pack.month;
    document.getElementById('meeting-xlsx').href = api.meetingXlsxUrl(pack.month);
    const url = new URL(window.location.href);
    url.searchParams.set('month', pack.month);
    window.history.replaceState(null, '', url);
    return render(pack);
  }).then(() => {
    state.meetingState = 'ready';
  }, (e) => {
    error.textContent = e.message;
    state.meetingState = 'error';
  });
}

function start() {
  const month = new URLSearchParams(window.location.search).get('month') || '';
  document.getElementById('meeting-form').addEventListener('submit', (event) => {
    event.preventDefault();
    load(document.getElementById('meeting-month').value);
  });
  document.getElementById('meeting-print').addEventListener('click', () => window.print());
  load(month);
}

if (document.readyState === 'loading') {
  document.addEventListener('DOMContentLoaded', start);
} else {
  start();
}
