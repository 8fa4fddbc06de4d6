// Disputes (矛盾纠纷) as canvas dots coloured by status (a dark ring when overdue, dashed when sensitive),
// clustered below zoom 16 (Leaflet.markercluster) into counts whose ring shows the share of overdue, open and
// concluded cases. The layer holds the user's disputes for the current filters — by default this month's plus
// every open case — in the padded view, asked again when the view leaves that box: a town fits in its first view
// (one request); a county office sees what is around the view, not the county's newest 5,000. A click selects a
// dispute; the detail panel shows it.
// A wider view may draw per-village counts instead (village-counts.js).
//
// Events: 'loading'; 'ready' {count, mode, truncated}; 'error' {error}; 'select' {id}.
import { api } from '../api.js';

/** Dot colour per status, also used by the legend. */
export const STATUS_COLORS = {
  REGISTERED: '#d9480f', ACCEPTED: '#e67700', MEDIATING: '#f59f00', UNRESOLVED: '#c92a2a', ESCALATED: '#a61e4d',
  REFERRED: '#862e9c', RESOLVED: '#2b8a3e', CLOSED: '#5c940d', FOLLOWED_UP: '#868e96',
};

export const CONCLUDED = ['RESOLVED', 'CLOSED', 'FOLLOWED_UP'];

/** Cluster ring colours: overdue, open, concluded. */
export const SHARE_COLORS = { overdue: '#c92a2a', open: '#f08c00', concluded: '#2b8a3e' };

/** The first day of this month as yyyy-MM-dd, in Beijing time. */
export function monthStart(now = new Date()) {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now); // yyyy-MM-dd
  return `${day.slice(0, 8)}01`;
}

export const DisputesLayer = L.LayerGroup.extend({
  options: {
    pane: 'pgDisputes', // the canvas's pane, above every area layer
    clusterBelowZoom: 16, // from this zoom every dispute is its own dot
    countsBelowZoom: 13, // below: counts per village when the view holds more than maxPoints
    maxPoints: 2000,
    limit: 5000, // disputes per request (the server's maximum)
    padding: 0.5, // the view padded by half its size on every side
  },

  initialize(options) {
    L.setOptions(this, options);
    L.LayerGroup.prototype.initialize.call(this);
    this._filters = { from: monthStart(), withOpen: true };
    this._byId = new Map();
    this._generation = 0;
    this._renderer = L.canvas({ pane: this.options.pane, padding: 0.3, tolerance: 6 }); // a finger's slack
  },

  /** The clusterer with the first disputes, not with the page (dispute-clusters.js: the first page stays light). */
  _clusterGroup() {
    return import('./dispute-clusters.js').then((m) => m.clusterGroup(this));
  },

  onAdd(map) {
    L.LayerGroup.prototype.onAdd.call(this, map);
    map.on('zoomend', this._reportMode, this);
    map.on('moveend', this._moved, this);
    this.reload();
  },

  onRemove(map) {
    map.off('zoomend', this._reportMode, this);
    map.off('moveend', this._moved, this);
    this._box = null;
    L.LayerGroup.prototype.onRemove.call(this, map);
  },

  _moved() {
    const zoomed = this._totals && this._countsZoom !== this._map.getZoom(); // counts: perhaps few enough now
    if (this._box && (zoomed || !this._box.contains(this._map.getBounds()))) {
      this._box = zoomed ? null : this._box;
      this.reload();
    }
  },

  /** The box held while the view is inside it (a filter or a registration changes nothing else), else a new one. */
  _boxToAsk() {
    const view = this._map.getBounds();
    if (this._box && this._box.contains(view)) {
      return this._box;
    }
    const p = view.pad(this.options.padding);
    return L.latLngBounds([Math.max(-90, p.getSouth()), Math.max(-180, p.getWest())],
      [Math.min(90, p.getNorth()), Math.min(180, p.getEast())]);
  },

  /**
   * Filters: {from, to, type, status, severity, open, withOpen}; empty values are left out. `withOpen`: the
   * period's disputes together with every open one (the default: this month + every open case).
   */
  setFilters(filters) {
    this._filters = { ...filters };
    return this.reload();
  },

  filters() {
    return { ...this._filters };
  },

  /** Whether a dispute is on the layer now (a test hook). */
  hasDispute(id) {
    return this._byId.has(Number(id));
  },

  /** The GeoJSON features on the layer; none while counts are drawn, then totals() {count, open, overdue}. */
  features() {
    return [...this._byId.values()].map((m) => m.feature);
  },

  totals() {
    return this._totals || null;
  },

  reload() {
    if (!this._map) {
      return Promise.resolve(0);
    }
    const generation = ++this._generation;
    const box = this._boxToAsk();
    const bbox = box.toBBoxString().split(',').map(Number);
    this.fire('loading');
    const points = () => this._loadPoints(generation, box, bbox);
    return (this._map.getZoom() < this.options.countsBelowZoom
      ? import('./village-counts.js').then((m) => m.countsOrPoints(this, generation, box, bbox, points)) : points())
      .catch((error) => {
        this.fire('error', { error });
        return 0;
      });
  },

  _loadPoints(generation, box, bbox) {
    return Promise.all([api.disputes({ ...this._filters, bbox, limit: this.options.limit }), this._clusterGroup()])
      .then(([collection]) => {
        if (generation !== this._generation) {
          return 0;
        }
        this._box = box;
        if (this._counts) {
          this._counts.clearLayers();
        }
        this._totals = null;
        this._clusters.clearLayers();
        this._byId.clear();
        const markers = [];
        for (const f of collection.features) {
          const m = this._marker(f);
          this._byId.set(Number(f.id ?? f.properties.id), m);
          markers.push(m);
        }
        this._clusters.addLayers(markers);
        this._count = this._byId.size;
        this._truncated = Boolean(collection.truncated);
        this._reportMode();
        return this._count;
      });
  },

  _reportMode() {
    if (this._map && this._count !== undefined) {
      const mode = this._totals ? 'counts' : this._map.getZoom() >= this.options.clusterBelowZoom ? 'points'
        : 'clusters';
      this.fire('ready', { count: this._count, mode, truncated: this._truncated });
    }
  },

  _marker(feature) {
    const p = feature.properties;
    const [lng, lat] = feature.geometry.coordinates;
    const open = !CONCLUDED.includes(p.status);
    const marker = L.circleMarker([lat, lng], {
      renderer: this._renderer,
      radius: 8,
      fillColor: STATUS_COLORS[p.status] || '#555',
      fillOpacity: open ? 0.95 : 0.6,
      color: p.overdue && open ? '#5c0011' : '#ffffff',
      weight: p.overdue && open ? 3 : 1.5,
      dashArray: p.sensitive ? '3 2' : null,
    });
    marker.feature = feature;
    marker.bindTooltip(`${p.typeLabel} · ${p.statusLabel}${p.overdue && open ? ' · 逾期' : ''}`, { direction: 'top' });
    marker.on('click', (e) => {
      L.DomEvent.stopPropagation(e);
      this.fire('select', { id: p.id });
    });
    return marker;
  },
});
