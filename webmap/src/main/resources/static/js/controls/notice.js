// Short messages over the map ("放大到 15 级以上显示楼栋", errors), each under a key so it can be replaced or removed.

export const NoticeControl = L.Control.extend({
  options: {
    position: 'bottomleft', // main.js adds it before the scale bar, so it sits lowest in the corner
  },

  onAdd() {
    this._container = L.DomUtil.create('div', 'pg-notice');
    this._container.setAttribute('role', 'status');
    this._container.setAttribute('aria-live', 'polite');
    this._messages = new Map(); // key -> element
    L.DomEvent.disableClickPropagation(this._container);
    this._container.hidden = true;
    return this._container;
  },

  /** Shows `text` under `key`; `kind` 'error' draws it in red. */
  show(key, text, kind = 'info') {
    let line = this._messages.get(key);
    if (!line) {
      line = L.DomUtil.create('div', '', this._container);
      this._messages.set(key, line);
    }
    line.className = `pg-notice-line pg-notice-${kind}`;
    line.textContent = text;
    this._container.hidden = false;
    return this;
  },

  hide(key) {
    const line = this._messages.get(key);
    if (line) {
      line.remove();
      this._messages.delete(key);
    }
    this._container.hidden = this._messages.size === 0;
    return this;
  },
});
