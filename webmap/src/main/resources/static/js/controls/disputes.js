// The dispute layer's control: filters (period, type, status, severity), the XLSX export of exactly what the
// filters show, links to the KPI and sweep pages, and the town office's live sensitive reports.
// The default period is this month plus every open case.
import { api } from '../api.js';
import { DISPUTE_SEVERITIES, DISPUTE_STATUSES, DISPUTE_TYPES } from '../terms.js';
import { monthStart } from '../layers/disputes.js';

/** Period choices: label and how they set from/to (and whether open cases are added). */
function periods(today) {
  const daysAgo = (n) => new Date(Date.parse(today) - n * 86400000).toISOString().slice(0, 10);
  return {
    monthAndOpen: ['本月 + 全部未结', { from: monthStart(), withOpen: true }],
    month: ['本月', { from: monthStart() }],
    days90: ['近 90 天', { from: daysAgo(90) }],
    year: ['今年', { from: `${today.slice(0, 4)}-01-01` }],
    all: ['全部', {}],
    custom: ['自定义…', null],
  };
}

function field(form, name, label, control) {
  const row = L.DomUtil.create('label', 'pg-form-row', form);
  L.DomUtil.create('span', 'pg-form-label', row).textContent = label;
  row.appendChild(control);
  control.name = name;
  return control;
}

function select(options, empty) {
  const el = document.createElement('select');
  if (empty !== undefined) {
    el.add(new Option(empty, ''));
  }
  for (const [code, label] of Object.entries(options)) {
    el.add(new Option(label, code));
  }
  return el;
}

export const DisputeControl = L.Control.extend({
  options: {
    position: 'topleft',
    liveReports: false, // subscribe to sensitive reports (town office and leadership)
  },

  initialize(layer, notice, options) {
    L.setOptions(this, options);
    this._layer = layer;
    this._notice = notice;
  },

  onAdd() {
    const box = L.DomUtil.create('div', 'pg-disputes leaflet-bar');
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    const bar = L.DomUtil.create('div', 'pg-disputes-bar', box);
    const filter = L.DomUtil.create('button', 'pg-dispute-filter-toggle', bar);
    filter.type = 'button';
    filter.textContent = '纠纷筛选';
    filter.setAttribute('aria-expanded', 'false');
    L.DomEvent.on(filter, 'click', () => {
      this._filters.hidden = !this._filters.hidden;
      filter.setAttribute('aria-expanded', String(!this._filters.hidden));
    });
    const kpi = L.DomUtil.create('a', 'pg-dispute-kpi', bar);
    kpi.href = 'kpi.html';
    kpi.textContent = '枫桥指标';
    const sweep = L.DomUtil.create('a', 'pg-dispute-sweep', bar);
    sweep.href = 'sweep.html';
    sweep.textContent = '排查报送';
    this._filters = this._filterForm(box);
    this._filters.hidden = true;
    if (this.options.liveReports && window.EventSource) {
      this._listen();
    }
    return box;
  },

  onRemove() {
    if (this._events) {
      this._events.close();
    }
  },

  _filterForm(box) {
    const form = L.DomUtil.create('form', 'pg-dispute-filters', box);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const choices = periods(today);
    const period = field(form, 'period', '时间', select(Object.fromEntries(
      Object.entries(choices).map(([k, [label]]) => [k, label]))));
    const dates = L.DomUtil.create('div', 'pg-dispute-dates', form);
    const from = field(dates, 'from', '从', Object.assign(document.createElement('input'), { type: 'date' }));
    const to = field(dates, 'to', '到', Object.assign(document.createElement('input'), { type: 'date' }));
    dates.hidden = true;
    const type = field(form, 'type', '类型', select(DISPUTE_TYPES, '全部'));
    const status = field(form, 'status', '状态', select({ OPEN: '全部未结', ...DISPUTE_STATUSES }, '全部'));
    const severity = field(form, 'severity', '等级', select(DISPUTE_SEVERITIES, '全部'));
    const exportLink = L.DomUtil.create('a', 'pg-dispute-export', form);
    exportLink.textContent = '导出排查表（XLSX，按当前筛选）';
    // on a phone the bar holds only 纠纷筛选: the pages' links are here
    const pages = L.DomUtil.create('p', 'pg-dispute-pages', form);
    for (const [href, text] of [['kpi.html', '枫桥指标'], ['sweep.html', '排查报送']]) {
      const a = L.DomUtil.create('a', '', pages);
      a.href = href;
      a.textContent = text;
    }
    const filters = () => {
      const chosen = choices[period.value][1];
      const base = chosen ? { ...chosen } : { from: from.value, to: to.value };
      const open = status.value === 'OPEN';
      return { ...base, type: type.value, severity: severity.value, status: open ? '' : status.value,
        open: open || undefined };
    };
    const apply = () => {
      dates.hidden = period.value !== 'custom';
      const f = filters();
      this._layer.setFilters(f);
      exportLink.href = api.disputeExportUrl(f); // the sheet lists exactly what the map shows
      document.body.dataset.disputeFilters = JSON.stringify(f);
    };
    for (const control of [period, from, to, type, status, severity]) {
      L.DomEvent.on(control, 'change', apply);
    }
    exportLink.href = api.disputeExportUrl(this._layer.filters());
    return form;
  },

  _listen() {
    this._events = new EventSource(api.disputeEventsUrl());
    this._events.addEventListener('sensitive-dispute', (e) => {
      const report = JSON.parse(e.data);
      this._notice.show('sensitive', `即时上报：${report.villageName}${report.gridName} ${report.typeLabel}纠纷`
        + `（${report.severityLabel}）`, 'error');
      L.circleMarker([report.lat, report.lng], { radius: 16, color: '#c92a2a', weight: 3, fill: false,
        className: 'pg-dispute-alert', interactive: false }).addTo(this._map);
      this._layer.reload();
    });
  },
});
