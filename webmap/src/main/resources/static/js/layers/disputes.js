// Disputes (矛盾纠纷) as canvas dots coloured by status (a dark ring when overdue, dashed when sensitive),
// clustered below zoom 16 (Leaflet.markercluster) into counts whose ring shows the share of overdue, open and
// concluded cases. The layer holds the user's disputes for the current filters — by default this month's plus
// every open case — in the padded view, asked again when the view leaves that box: a town fits in its first view
// (one request); a county office sees what is around the view, not the county's newest 5,000. A click selects a
// dispute; the detail panel shows it.
// A wide view (below zoom 13) asks the per-village counts first; when the padded view holds more than 2,000
// disputes (a county office looking at several towns) it draws those counts, one ring per village, instead of
// the points, and a click on one zooms in. A town's whole view holds fewer and shows its points as before.
//
// Events: 'loading'; 'ready' {count, mode ('points', 'clusters' or 'counts'), truncated}; 'error' {error};
// 'select' {id}.
import { api } from '../api.js';

/** Dot colour per status, also used by the legend. */
export const STATUS_COLORS = {
  REGISTERED: '#d9480f', ACCEPTED: '#e67700', MEDIATING: '#f59f00', UNRESOLVED: '#c92a2a', ESCALATED: '#a61e4d',
  REFERRED: '#862e9c', RESOLVED: '#2b8a3e', CLOSED: '#5c940d', FOLLOWED_UP: '#868e96',
};

export const CONCLUDED = ['RESOLVED', 'CLOSED', 'FOLLOWED_UP'];

/** Cluster ring colours: overdue, open, concluded. */
export const SHARE_COLORS = { overdue: '#c92a2a', open: '#f08c00', concluded: '#2b8a3e' };

/**
 * Leaflet.markercluster, fetched with the first disputes rather than with the page (the first page stays light):
 * a UMD script over the global L.
 */
let clusterer = null;
function loadClusterer() {
  if (!clusterer) {
    clusterer = L.markerClusterGroup ? Promise.resolve() : new Promise((resolve, reject) => {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = 'webjars/leaflet-markercluster/MarkerCluster.css';
      document.head.appendChild(css);
      const script = document.createElement('script');
      script.src = 'webjars/leaflet-markercluster/leaflet.markercluster.js';
      script.onload = () => resolve();
      script.onerror = () => {
        clusterer = null;
        reject(new Error('纠纷聚合组件加载失败'));
      };
      document.head.appendChild(script);
    });
  }
  return clusterer;
}

/** The first day of this month as yyyy-MM-dd, in Beijing time. */
export function monthStart(now = new Date()) {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now); // yyyy-MM-dd
  return `${day.slice(0, 8)}01`;
}

function clusterIcon(cluster) {
  let overdue = 0;
  let open = 0;
  const markers = cluster.getAllChildMarkers();
  for (const m of markers) {
    const p = m.feature.properties;
    if (p.overdue && !CONCLUDED.includes(p.status)) {
      overdue += 1;
    } else if (!CONCLUDED.includes(p.status)) {
      open += 1;
    }
  }
  return ringIcon(markers.length, overdue, open);
}

/** A ring of `n` cases whose arcs are the overdue, other open and concluded shares, the count in its centre. */
function ringIcon(n, overdue, open) {
  const a = (overdue / n) * 100;
  const b = ((overdue + open) / n) * 100;
  const size = Math.round(30 + Math.min(22, Math.sqrt(n) * 2));
  const html = document.createElement('div');
  html.className = 'pg-cluster-ring';
  html.style.background = `conic-gradient(${SHARE_COLORS.overdue} 0 ${a}%, ${SHARE_COLORS.open} ${a}% ${b}%,`
    + ` ${SHARE_COLORS.concluded} ${b}% 100%)`;
  const count = L.DomUtil.create('span', '', html);
  count.textContent = String(n);
  return L.divIcon({ html, className: 'pg-cluster', iconSize: [size, size] });
}

export const DisputesLayer = L.LayerGroup.extend({
  options: {
    pane: 'pgDisputes', // the canvas's pane, above every area layer
    clusterBelowZoom: 16, // from this zoom every dispute is its own dot
    countsBelowZoom: 13, // a view this wide asks the per-village counts first
    maxPoints: 2000, // more disputes than this in the padded view: per-village counts instead of points
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
    this._villageCounts = L.layerGroup();
    this._totals = null; // {count, open, overdue} while per-village counts are drawn
  },

  _clusterGroup() {
    return loadClusterer().then(() => {
      if (!this._clusters) {
        this._clusters = L.markerClusterGroup({
          disableClusteringAtZoom: this.options.clusterBelowZoom,
          showCoverageOnHover: false,
          spiderfyOnMaxZoom: false,
          chunkedLoading: true,
          maxClusterRadius: 48,
          iconCreateFunction: clusterIcon,
        });
        this.addLayer(this._clusters);
      }
      return this._clusters;
    });
  },

  onAdd(map) {
    L.LayerGroup.prototype.onAdd.call(this, map);
    this.addLayer(this._villageCounts);
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
    if (!this._box) {
      return;
    }
    if (this._totals && this._map.getZoom() !== this._countsZoom) {
      this._box = null; // counts are asked again at another zoom: the new view may hold few enough for points
      this.reload();
    } else if (!this._box.contains(this._map.getBounds())) {
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

  /** The GeoJSON features on the layer (none while per-village counts are drawn: see totals()). */
  features() {
    return [...this._byId.values()].map((m) => m.feature);
  },

  /** {count, open, overdue} of the view while per-village counts are drawn, else null. */
  totals() {
    return this._totals && { ...this._totals };
  },

  reload() {
    if (!this._map) {
      return Promise.resolve(0);
    }
    const generation = ++this._generation;
    const box = this._boxToAsk();
    const bbox = box.toBBoxString().split(',').map(Number);
    const zoom = this._map.getZoom();
    this.fire('loading');
    const counts = zoom < this.options.countsBelowZoom
      ? api.disputeClusters({ ...this._filters, bbox, zoom: Math.floor(zoom) }) : Promise.resolve(null);
    return counts.then((villages) => {
      if (generation !== this._generation) {
        return 0;
      }
      const total = villages && villages.features.reduce((n, f) => n + f.properties.count, 0);
      if (villages && total > this.options.maxPoints) {
        this._box = box;
        this._countsZoom = zoom;
        this._drawCounts(villages.features);
        return total;
      }
      return this._loadPoints(generation, box, bbox);
    }).catch((error) => {
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
        this._villageCounts.clearLayers();
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

  /** One ring per village at a point inside it; a click zooms in to where its disputes are drawn one by one. */
  _drawCounts(villages) {
    if (this._clusters) {
      this._clusters.clearLayers();
    }
    this._byId.clear();
    this._villageCounts.clearLayers();
    const totals = { count: 0, open: 0, overdue: 0 };
    for (const f of villages) {
      const p = f.properties;
      const overdue = Math.min(p.overdue, p.open);
      totals.count += p.count;
      totals.open += p.open;
      totals.overdue += overdue;
      const [lng, lat] = f.geometry.coordinates;
      const marker = L.marker([lat, lng], { icon: ringIcon(p.count, overdue, p.open - overdue), keyboard: false });
      marker.feature = f;
      marker.bindTooltip(`${p.name}：${p.count} 件（未结 ${p.open}${overdue ? `，逾期 ${overdue}` : ''}）`,
        { direction: 'top' });
      marker.on('click', () => this._map.setView([lat, lng], Math.max(this.options.countsBelowZoom,
        this._map.getZoom() + 2)));
      this._villageCounts.addLayer(marker);
    }
    this._totals = totals;
    this._count = totals.count;
    this._truncated = false;
    this._reportMode();
  },

  _reportMode() {
    if (this._map && this._count !== undefined) {
      let mode = this._map.getZoom() >= this.options.clusterBelowZoom ? 'points' : 'clusters';
      if (this._totals) {
        mode = 'counts';
      }
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
