// The 热点 layers: the kernel density overlay (a PNG the server draws in lng/lat), the Gi* hot and cold spots
// coloured by their confidence after the false discovery rate correction, and the emerging hot spot classes.
// A click on a Gi* or emerging unit lists its disputes (the server cuts them to the user's area).
import { api } from '../api.js';
import { DISPUTE_TYPES, DISPUTE_STATUSES, termOf } from '../terms.js';

/** Gi* confidence bins −3…3 (ArcGIS's hot spot colours); 0 is drawn as an outline only. */
export const GI_BINS = [
  [3, '#d62f27', '热点 99% 置信'], [2, '#ed7551', '热点 95% 置信'], [1, '#fab984', '热点 90% 置信'],
  [-1, '#c0ccbe', '冷点 90% 置信'], [-2, '#849eba', '冷点 95% 置信'], [-3, '#4575b5', '冷点 99% 置信'],
];
const GI_COLORS = Object.fromEntries(GI_BINS.map(([bin, color]) => [bin, color]));

/** Emerging hot spot classes: hot ones in reds, cold ones in blues, as ArcGIS draws them. */
export const EMERGING_COLORS = {
  NEW_HOT_SPOT: '#b30000', CONSECUTIVE_HOT_SPOT: '#e34a33', INTENSIFYING_HOT_SPOT: '#7f0000',
  PERSISTENT_HOT_SPOT: '#d7301f', DIMINISHING_HOT_SPOT: '#fc8d59', SPORADIC_HOT_SPOT: '#fdbb84',
  OSCILLATING_HOT_SPOT: '#c994c7', HISTORICAL_HOT_SPOT: '#bdbdbd',
  NEW_COLD_SPOT: '#08519c', CONSECUTIVE_COLD_SPOT: '#3182bd', INTENSIFYING_COLD_SPOT: '#08306b',
  PERSISTENT_COLD_SPOT: '#2171b5', DIMINISHING_COLD_SPOT: '#6baed6', SPORADIC_COLD_SPOT: '#9ecae1',
  OSCILLATING_COLD_SPOT: '#9e9ac8', HISTORICAL_COLD_SPOT: '#d9d9d9',
};

/** The PNG as a data: URL (the page's CSP allows data: images, not blob: ones). */
function dataUrl(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(new Error('热力图读取失败'));
    reader.readAsDataURL(blob);
  });
}

/** The density overlay; `load(params)` replaces the image and resolves with its legend breaks per km². */
export const DensityOverlay = L.LayerGroup.extend({
  options: {
    pane: 'pgHeat', // above the buildings, under the boundaries
    opacity: 0.85, // the PNG has its own alpha; this keeps the base map readable
  },

  load(params) {
    const request = (this._request || 0) + 1; // a slower, older answer must not replace a newer one
    this._request = request;
    return api.hotspotDensityImage(params).then(({ blob, bounds, breaks, radius, disputes }) => dataUrl(blob)
      .then((url) => ({ url, bounds, breaks, radius, disputes }))).then(({ url, bounds, breaks, radius, disputes }) => {
      if (request !== this._request) {
        return null;
      }
      this.clearLayers();
      const [minLng, minLat, maxLng, maxLat] = bounds;
      this.addLayer(L.imageOverlay(url, [[minLat, minLng], [maxLat, maxLng]],
        { pane: this.options.pane, opacity: this.options.opacity, className: 'pg-density' }));
      this.fire('load', { breaks, radius, disputes });
      return { breaks, radius, disputes };
    });
  },
});

function disputeList(container, answer) {
  container.textContent = '';
  const rows = answer.disputes;
  L.DomUtil.create('p', '', container).textContent = rows.length ? `${answer.from} 至 ${answer.to} 共 ${rows.length} 件纠纷：`
    : `${answer.from} 至 ${answer.to} 此单元没有纠纷`;
  const list = L.DomUtil.create('ul', 'pg-unit-disputes', container);
  for (const d of rows.slice(0, 50)) {
    L.DomUtil.create('li', '', list).textContent = `#${d.id} ${d.sweptOn} ${termOf(DISPUTE_TYPES, d.type)}`
      + ` · ${termOf(DISPUTE_STATUSES, d.status)}`;
  }
  if (rows.length > 50) {
    L.DomUtil.create('li', '', list).textContent = `……另有 ${rows.length - 50} 件`;
  }
}

/** A GeoJSON layer of analysis units; subclasses give the style and the popup's heading. */
const UnitsLayer = L.GeoJSON.extend({
  options: {
    pane: 'pgHotspots', // above the heat overlay
  },

  initialize(options) {
    L.GeoJSON.prototype.initialize.call(this, null, options);
    this.options.onEachFeature = (feature, layer) => layer.on('click', () => this._open(feature, layer));
    this._params = {};
  },

  _open(feature, layer) {
    const p = feature.properties;
    const content = L.DomUtil.create('div', 'pg-unit-popup');
    L.DomUtil.create('h3', '', content).textContent = this._heading(p);
    const facts = L.DomUtil.create('p', '', content);
    facts.textContent = this._facts(p);
    const list = L.DomUtil.create('div', '', content);
    list.textContent = '正在加载纠纷…';
    layer.bindPopup(content, { maxWidth: 280 }).openPopup();
    api.hotspotUnitDisputes(feature.id, this._params).then((answer) => {
      disputeList(list, answer);
      this.fire('unitdisputes', { id: feature.id, count: answer.disputes.length });
    }, (error) => {
      list.textContent = `加载失败：${error.message}`;
    });
  },

  _name(p) {
    return p.name || `六边形 ${p.id}`;
  },
});

export const GiLayer = UnitsLayer.extend({
  load(params) {
    const request = (this._request || 0) + 1;
    this._request = request;
    return api.hotspotGi(params).then((fc) => {
      if (request !== this._request) {
        return null; // superseded by a newer request
      }
      this._params = { ...params };
      this.clearLayers();
      this.addData(fc);
      const significant = fc.features.filter((f) => f.properties.fdrBin !== 0).length;
      this.fire('load', { count: fc.features.length, significant, band: fc.bandMeters, disputes: fc.disputes });
      return fc;
    });
  },

  _heading(p) {
    return this._name(p);
  },

  _facts(p) {
    const bin = GI_BINS.find(([b]) => b === p.fdrBin);
    return `纠纷 ${p.count} 件；Gi* z = ${p.z}，${p.p < 0.001 ? 'p < 0.001' : `p = ${p.p}`}；${bin ? `${bin[2]}（FDR 校正后）` : '不显著'}`;
  },

  options: {
    pane: 'pgHotspots',
    style: (f) => {
      const color = GI_COLORS[f.properties.fdrBin];
      return color ? { color: '#555', weight: 0.6, fillColor: color, fillOpacity: 0.65 }
        : { color: '#999', weight: 0.4, fillOpacity: 0, dashArray: '2 3' };
    },
  },
});

export const EmergingLayer = UnitsLayer.extend({
  load(params) {
    const request = (this._request || 0) + 1;
    this._request = request;
    return api.hotspotEmerging(params).then((fc) => {
      if (request !== this._request) {
        return null; // superseded by a newer request
      }
      this._params = { ...params };
      this.clearLayers();
      this.addData(fc);
      const classes = {};
      fc.features.forEach((f) => {
        classes[f.properties.pattern] = (classes[f.properties.pattern] || 0) + 1;
      });
      this.fire('load', { count: fc.features.length, classes, first: fc.firstMonth, last: fc.lastMonth });
      return fc;
    });
  },

  _heading(p) {
    return `${this._name(p)}：${p.patternLabel}`;
  },

  _facts(p) {
    return `12 个月纠纷 ${p.count} 件；热点月数 ${p.hotMonths}，冷点月数 ${p.coldMonths}；趋势 z = ${p.trendZ}`;
  },

  options: {
    pane: 'pgHotspots',
    style: (f) => {
      const color = EMERGING_COLORS[f.properties.pattern];
      return color ? { color: '#444', weight: 0.6, fillColor: color, fillOpacity: 0.7 }
        : { color: '#aaa', weight: 0.3, fillOpacity: 0 };
    },
  },
});
