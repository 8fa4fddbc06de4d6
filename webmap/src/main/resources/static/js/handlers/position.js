// Where the device is: a blue dot with its accuracy circle, from the browser's geolocation (WGS84, the stored
// CGCS2000 to well under a metre). Started by 定位 or 在此登记, never on page load; refusals and failures are
// explained in Chinese.
//
// Fires 'fix' {latlng, accuracy}, 'error' {message}.

/** The Chinese explanation of a geolocation failure (Leaflet's locationerror or a GeolocationPositionError). */
export function positionMessage(error) {
  if (!window.isSecureContext) {
    return '浏览器只在 HTTPS 连接下提供定位，请点地图选择位置';
  }
  switch (error && error.code) {
    case 1:
      return '未获得定位权限：请在浏览器或系统设置中允许本网站使用位置，或点地图选择位置';
    case 2:
      return '暂时收不到定位信号：请到开阔处再试，或点地图选择位置';
    case 3:
      return '定位超时：请稍后再试，或点地图选择位置';
    default:
      return '此设备不支持定位，请点地图选择位置';
  }
}

export const PositionTracker = L.Evented.extend({
  options: {
    pane: 'pgPosition',
    timeoutMs: 20000,
  },

  initialize(map, options) {
    L.setOptions(this, options);
    this._map = map;
    this._fix = null;
    this._ring = L.circle([0, 0], { pane: this.options.pane, radius: 1, interactive: false, color: '#1c7ed6',
      weight: 1, fillColor: '#4dabf7', fillOpacity: 0.15, className: 'pg-position-accuracy' });
    this._dot = L.circleMarker([0, 0], { pane: this.options.pane, radius: 7, interactive: false, color: '#ffffff',
      weight: 2.5, fillColor: '#1c7ed6', fillOpacity: 1, className: 'pg-position-dot' });
    map.on('locationfound', this._found, this).on('locationerror', this._failed, this);
  },

  /** Starts watching the position (once); `center`: move the map to the first fix. */
  start({ center = false } = {}) {
    this._center = this._center || center;
    if (this._fix && center) {
      this._centre(this._fix);
    }
    if (!this._watching) {
      this._watching = true;
      document.body.dataset.positionState = 'locating';
      this._map.locate({ watch: true, setView: false, enableHighAccuracy: true, maximumAge: 15000,
        timeout: this.options.timeoutMs });
    }
    return this;
  },

  stop() {
    this._map.stopLocate();
    this._watching = false;
    return this;
  },

  /** The latest fix {latlng, accuracy} or null. */
  fix() {
    return this._fix;
  },

  /** Resolves with the next (or current) fix; rejects with an Error whose message is Chinese. */
  whenFix() {
    if (this._fix) {
      return Promise.resolve(this._fix);
    }
    this.start();
    return new Promise((resolve, reject) => {
      const onFix = (e) => {
        this.off('error', onError);
        resolve(e);
      };
      const onError = (e) => {
        this.off('fix', onFix);
        reject(new Error(e.message));
      };
      this.once('fix', onFix).once('error', onError);
    });
  },

  _found(e) {
    const first = !this._fix;
    this._fix = { latlng: e.latlng, accuracy: e.accuracy };
    this._ring.setLatLng(e.latlng).setRadius(e.accuracy);
    this._dot.setLatLng(e.latlng);
    if (first) {
      this._ring.addTo(this._map);
      this._dot.addTo(this._map);
    }
    if (this._center) {
      this._center = false;
      this._centre(this._fix);
    }
    document.body.dataset.positionState = 'found';
    this.fire('fix', this._fix);
  },

  _centre(fix) {
    this._map.setView(fix.latlng, Math.max(this._map.getZoom(), 17));
  },

  _failed(e) {
    this._watching = false;
    this._map.stopLocate();
    const message = positionMessage(e);
    document.body.dataset.positionState = 'error';
    this.fire('error', { message, code: e.code });
  },
});
