// Each role's home: one line under the search box saying what matters to this user today, opening the list or
// page behind it. A grid manager: the grid's open cases; a village cadre: this week's sweep; the town office:
// today's sensitive reports; a leader: the month's summary and the meeting pack.
import { api } from '../api.js';
import { CONCLUDED, monthStart } from '../layers/disputes.js';

function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}

export const HomeControl = L.Control.extend({
  options: {
    position: 'topleft',
  },

  /** `me`: /api/me; `disputes`: the dispute layer; `showDispute(id)`: opens one in the panel. */
  initialize(me, { disputes, panel, showDispute }, options) {
    L.setOptions(this, options);
    this._me = me;
    this._disputes = disputes;
    this._panel = panel;
    this._showDispute = showDispute;
    const roles = me.roles.map((r) => r.code);
    this._role = ['TOWN_OFFICE', 'LEADER', 'VILLAGE_CADRE', 'GRID_MANAGER', 'AUX_POLICE']
      .find((r) => roles.includes(r)) || null;
  },

  onAdd() {
    const box = L.DomUtil.create('div', 'pg-home leaflet-bar');
    L.DomEvent.disableClickPropagation(box);
    this._line = L.DomUtil.create('button', 'pg-home-line', box);
    this._line.type = 'button';
    this._line.textContent = '…';
    box.hidden = !this._role;
    box.dataset.role = this._role || '';
    this._action = () => {};
    L.DomEvent.on(this._line, 'click', () => this._action());
    if (this._role) {
      this._disputes.on('ready', this.refresh, this);
      this.refresh();
    }
    return box;
  },

  refresh() {
    const role = this._role;
    if (role === 'GRID_MANAGER' || role === 'AUX_POLICE') {
      this._openCases();
    } else if (role === 'VILLAGE_CADRE') {
      this._sweep();
    } else if (role === 'TOWN_OFFICE') {
      this._sensitiveToday();
    } else if (role === 'LEADER') {
      this._month();
    }
  },

  _set(text, action, state) {
    this._line.textContent = text;
    this._action = action;
    document.body.dataset.home = state;
  },

  _openCases() {
    const area = this._me.area.grids.length ? '我的网格' : '我的村';
    const totals = this._disputes.totals(); // a wide view drawn as per-village counts: no list to open
    if (totals) {
      this._set(`视野内：未结 ${totals.open} 件${totals.overdue ? `，逾期 ${totals.overdue} 件` : ''}（放大查看清单）`,
        () => {}, `open:${totals.open}`);
      return;
    }
    const open = this._disputes.features().filter((f) => !CONCLUDED.includes(f.properties.status));
    const overdue = open.filter((f) => f.properties.overdue).length;
    this._set(`${area}：未结 ${open.length} 件${overdue ? `，逾期 ${overdue} 件` : ''}`,
      () => this._list(`${area}未结纠纷`, open), `open:${open.length}`);
  },

  _sweep() {
    api.sweepCompliance().then((week) => {
      const own = week.villages.find((v) => this._me.area.villages.includes(v.code));
      const filed = own && own.filed;
      this._set(`本周排查：${filed ? '已报送' : '未报送，点此填报'}`,
        () => window.location.assign('sweep.html'), `sweep:${filed ? 'filed' : 'missing'}`);
    }, (error) => this._set(`本周排查：${error.message}`, () => {}, 'error'));
  },

  _sensitiveToday() {
    const day = today();
    api.disputes({ from: day, to: day, limit: 500 }).then((fc) => {
      const sensitive = fc.features.filter((f) => f.properties.sensitive);
      this._set(`今日敏感上报 ${sensitive.length} 件`, () => this._list('今日敏感上报', sensitive),
        `sensitive:${sensitive.length}`);
    }, (error) => this._set(`今日敏感上报：${error.message}`, () => {}, 'error'));
  },

  _month() {
    const from = monthStart();
    api.kpis({ from, to: today() }).then((answer) => {
      const k = answer.town || {};
      const month = from.slice(0, 7);
      this._set(`本月：登记 ${k.registered ?? 0} 件，化解率 ${percent(k.resolutionRate)}，逾期 ${k.overdue ?? 0} 件`,
        () => this._summary(month, k), `month:${month}`);
    }, (error) => this._set(`本月汇总：${error.message}`, () => {}, 'error'));
  },

  _summary(month, k) {
    import('./home-lists.js').then((m) => m.showSummary(this._panel, month, k));
  },

  _list(title, features) {
    import('./home-lists.js').then((m) => m.showList(this._panel, title, features, this._showDispute));
  },
});
