// The longitude and latitude under the mouse, 6 decimals. Without a mouse over the map (touch screens, or the
// mouse elsewhere) it shows the map centre instead, marked 中心.

export const CoordinatesControl = L.Control.extend({
  options: {
    position: 'bottomleft', // beside the scale bar
    decimals: 6, // ~0.1 m
  },

  onAdd(map) {
    this._container = L.DomUtil.create('div', 'pg-coordinates leaflet-control-attribution');
    this._mouseOver = false; // true while a mouse pointer is over the map
    map.on('mousemove', this._showMouse, this);
    map.on('mouseout', this._leave, this);
    map.on('move', this._showCentre, this);
    this._showCentre();
    return this._container;
  },

  onRemove(map) {
    map.off('mousemove', this._showMouse, this);
    map.off('mouseout', this._leave, this);
    map.off('move', this._showCentre, this);
  },

  _showMouse(e) {
    // Touch screens send a compatibility mousemove with a tap: only a real mouse counts.
    if (e.originalEvent && e.originalEvent.sourceCapabilities?.firesTouchEvents) {
      return;
    }
    this._mouseOver = true;
    this._show('', e.latlng);
  },

  _leave() {
    this._mouseOver = false;
    this._showCentre();
  },

  _showCentre() {
    if (!this._mouseOver) {
      this._show('中心 ', this._map.getCenter());
    }
  },

  _show(prefix, latlng) {
    const d = this.options.decimals;
    this._container.textContent = `${prefix}经度 ${latlng.lng.toFixed(d)}  纬度 ${latlng.lat.toFixed(d)}`;
  },
});
