// Disputes (矛盾纠纷): zoomed out, counts per village or grid from the server (/api/disputes/clusters); zoomed
// in, one marker per dispute coloured by status with a one-character symbol for its type. A click opens a popup
// with the summary, the timeline and the workflow steps allowed now.
//
// Events: 'loading'; 'ready' {count, mode: 'clusters'|'points', truncated}; 'error' {error}.
import { api } from '../api.js';
import { REFERRAL_CHANNELS } from '../terms.js';

/** Marker colour per status, also used by the control's legend. */
export const STATUS_COLORS = {
  REGISTERED: '#d9480f', ACCEPTED: '#e67700', MEDIATING: '#f59f00', UNRESOLVED: '#c92a2a', ESCALATED: '#a61e4d',
  REFERRED: '#862e9c', RESOLVED: '#2b8a3e', CLOSED: '#5c940d', FOLLOWED_UP: '#868e96',
};

/** One character per type, drawn inside the marker. */
export const TYPE_SYMBOLS = {
  LAND_FOREST: '林', WAGES: '薪', ENTERPRISE_RESTRUCTURING: '企', WORK_SAFETY: '安', MEDICAL: '医',
  ROAD_TRAFFIC: '交', LABOUR: '劳', MARRIAGE_FAMILY: '家', NEIGHBOURS: '邻', OTHER: '他',
};

function text(parent, tag, className, value) {
  const el = L.DomUtil.create(tag, className, parent);
  el.textContent = value;
  return el;
}

export const DisputesLayer = L.LayerGroup.extend({
  options: {
    pane: 'markerPane', // above every area layer, so markers stay clickable
    pointsFromZoom: 14, // below this zoom the server's counts are drawn instead of markers
    limit: 2000, // markers per request; the server's default
    debounceMs: 250, // wait this long after the last moveend before fetching
  },

  initialize(options) {
    L.setOptions(this, options);
    L.LayerGroup.prototype.initialize.call(this);
    this._filters = {};
    this._ids = new Set();
    this._generation = 0;
  },

  onAdd(map) {
    L.LayerGroup.prototype.onAdd.call(this, map);
    map.on('moveend', this._schedule, this);
    this.reload();
  },

  onRemove(map) {
    map.off('moveend', this._schedule, this);
    L.LayerGroup.prototype.onRemove.call(this, map);
  },

  /** Filters: {from, to, type, status, severity}; empty values are left out. */
  setFilters(filters) {
    this._filters = { ...filters };
    return this.reload();
  },

  /** Whether a dispute's marker is on the map now (a test hook). */
  hasDispute(id) {
    return this._ids.has(Number(id));
  },

  reload() {
    if (!this._map) {
      return Promise.resolve(0);
    }
    const generation = ++this._generation;
    const map = this._map;
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
    const points = map.getZoom() >= this.options.pointsFromZoom;
    const params = { ...this._filters, bbox };
    this.fire('loading');
    const request = points ? api.disputes({ ...params, limit: this.options.limit })
      : api.disputeClusters({ ...params, zoom: Math.floor(map.getZoom()) });
    return request.then((collection) => {
      if (generation !== this._generation) {
        return 0;
      }
      this.clearLayers();
      this._ids.clear();
      for (const feature of collection.features) {
        if (points) {
          this._ids.add(Number(feature.id));
        }
        this.addLayer(points ? this._marker(feature) : this._cluster(feature));
      }
      this.fire('ready', { count: collection.features.length, mode: points ? 'points' : 'clusters',
        truncated: Boolean(collection.truncated) });
      return collection.features.length;
    }, (error) => {
      this.fire('error', { error });
      return 0;
    });
  },

  _schedule() {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this.reload(), this.options.debounceMs);
  },

  _marker(feature) {
    const p = feature.properties;
    const [lng, lat] = feature.geometry.coordinates;
    const icon = L.divIcon({
      className: `pg-dispute pg-dispute-${p.status}${p.overdue ? ' pg-dispute-overdue' : ''}`
        + `${p.sensitive ? ' pg-dispute-sensitive' : ''}`,
      html: `<span style="background:${STATUS_COLORS[p.status] || '#555'}">${TYPE_SYMBOLS[p.type] || '?'}</span>`,
      iconSize: [22, 22],
    });
    const marker = L.marker([lat, lng], { icon, pane: this.options.pane, title: `${p.typeLabel} · ${p.statusLabel}` });
    marker.bindPopup(() => this._popup(p.id), { maxWidth: 300, className: 'pg-dispute-popup' });
    marker.on('click', (e) => L.DomEvent.stopPropagation(e));
    return marker;
  },

  _cluster(feature) {
    const p = feature.properties;
    const [lng, lat] = feature.geometry.coordinates;
    const size = Math.round(24 + Math.min(24, Math.sqrt(p.count) * 2));
    const icon = L.divIcon({
      className: `pg-dispute-cluster${p.overdue > 0 ? ' pg-dispute-cluster-overdue' : ''}`,
      html: `<span>${p.count}</span>`,
      iconSize: [size, size],
    });
    const marker = L.marker([lat, lng], { icon, pane: this.options.pane,
      title: `${p.name}：${p.count} 件，未结 ${p.open} 件，逾期 ${p.overdue} 件` });
    marker.on('click', (e) => {
      L.DomEvent.stopPropagation(e);
      this._map.setView([lat, lng], Math.max(this._map.getZoom() + 2, this.options.pointsFromZoom));
    });
    return marker;
  },

  _popup(id) {
    const box = L.DomUtil.create('div', 'pg-dispute-detail');
    box.textContent = '正在加载…';
    api.dispute(id).then((d) => this._fill(box, d), (error) => {
      box.textContent = error.message;
    });
    return box;
  },

  _fill(box, d) {
    box.textContent = '';
    text(box, 'h3', '', `${d.type.label}纠纷 · ${d.severity.label}${d.sensitive ? ' · 敏感' : ''}`);
    const list = L.DomUtil.create('dl', '', box);
    const row = (term, value) => {
      text(list, 'dt', '', term);
      text(list, 'dd', '', value ?? '—');
    };
    row('状态', `${d.status.label}（${d.level.label}）${d.overdue ? ' · 已逾期' : ''}`);
    row('位置', `${d.village.name} ${d.grid.name}`);
    row('排查', `${d.sweptOn} ${d.sweptBy}`);
    row('情况', d.situation);
    row('当事人', d.parties.map((p) => `${p.name}${p.phone ? ` ${p.phone}` : ''}`).join('；') || '—');
    row('责任', `${d.responsibleUnit || '—'} ${d.responsiblePerson || ''} 期限 ${d.deadline}`);
    if (d.referral) {
      row('移交', `${d.referral.unit}（${d.referral.channel.label}）`);
    }
    text(box, 'h4', '', '办理经过');
    const timeline = L.DomUtil.create('ol', 'pg-dispute-timeline', box);
    for (const e of d.timeline) {
      text(timeline, 'li', '', `${e.at.slice(0, 16).replace('T', ' ')} ${e.actor} ${e.action.label}`
        + `${e.note ? `：${e.note}` : ''}`);
    }
    if (d.allowedActions.length) {
      const actions = L.DomUtil.create('div', 'pg-dispute-actions', box);
      for (const action of d.allowedActions) {
        const button = text(actions, 'button', '', action.label);
        button.type = 'button';
        button.dataset.action = action.code;
        L.DomEvent.on(button, 'click', () => this._act(box, d, action.code));
      }
    }
  },

  _act(box, d, action) {
    const body = { action };
    if (action === 'REFER') {
      const channel = window.prompt(`移交渠道代码：${Object.entries(REFERRAL_CHANNELS)
        .map(([code, label]) => `${code}=${label}`).join('，')}`, 'JUSTICE_OFFICE');
      const unit = channel && window.prompt('接收单位', '大栗港司法所');
      if (!unit) {
        return;
      }
      Object.assign(body, { channel, unit });
    }
    api.disputeTransition(d.id, body).then((updated) => {
      this._fill(box, updated);
      this.reload();
    }, (error) => {
      text(box, 'p', 'pg-form-error', error.message);
    });
  },
});

