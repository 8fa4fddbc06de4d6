// The KPI page: the 枫桥 KPIs per village and for the town over a chosen period, from /api/kpis.
// Test hook: data-kpi-state ('loading', 'ready', 'error') and data-kpi-rows on <body>.
import { api } from './api.js';

const state = document.body.dataset;

function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

function cells(row, name, k) {
  const values = [name, k.registered, k.resolved, percent(k.resolutionRate), percent(k.villageRate),
    percent(k.townRate), k.sentBeyondTown, k.handedOver, k.overdue, k.medianDaysToResolve ?? '—',
    k.weeks ? `${k.sweepsFiled}/${k.weeks}` : '—'];
  for (const value of values) {
    row.insertCell().textContent = String(value);
  }
}

function render(answer) {
  const body = document.querySelector('#kpi-table tbody');
  const foot = document.querySelector('#kpi-table tfoot');
  body.textContent = '';
  foot.textContent = '';
  for (const village of answer.villages) {
    const row = body.insertRow();
    row.dataset.code = village.code;
    cells(row, village.name, village.kpis);
  }
  if (answer.town) {
    cells(foot.insertRow(), '全镇', answer.town);
  }
  const townSweeps = document.getElementById('kpi-town-sweeps');
  townSweeps.textContent = answer.townSweeps
    ? `镇月排查报送 ${answer.townSweeps.filed}/${answer.townSweeps.due}：`
      + (answer.townSweeps.months.map((m) => `${m.month} ${m.filed ? '已报' : '未报'}`).join('，') || '期间内无整月')
    : '';
  state.kpiRows = String(answer.villages.length);
}

function load() {
  const from = document.getElementById('kpi-from').value;
  const to = document.getElementById('kpi-to').value;
  const error = document.getElementById('kpi-error');
  error.textContent = '';
  state.kpiState = 'loading';
  document.getElementById('kpi-json').href = `api/kpis?${new URLSearchParams({ from, to })}`;
  api.kpis({ from, to }).then((answer) => {
    document.getElementById('kpi-from').value = answer.from;
    document.getElementById('kpi-to').value = answer.to;
    render(answer);
    state.kpiState = 'ready';
  }, (e) => {
    error.textContent = e.message;
    state.kpiState = 'error';
  });
}

document.getElementById('kpi-period').addEventListener('submit', (e) => {
  e.preventDefault();
  load();
});
const params = new URLSearchParams(window.location.search);
document.getElementById('kpi-from').value = params.get('from') || '';
document.getElementById('kpi-to').value = params.get('to') || '';
load();
