// The detail panel: a side panel on the right of a desktop screen (the map narrows beside it), a bottom sheet on a
// phone. One at a time: a dispute, a site, a hazard, a zone, or the registration form. It stays open while its
// content changes (each workflow step refreshes it in place) and closes only by its 关闭 button or Esc.
// Its footer sits outside the scrolling body, so the main button (提交) stays on screen whatever the height,
// with the phone's keyboard open too.
//
// Fires 'open' {key}, 'close' {key}.

export const DetailPanel = L.Evented.extend({
  initialize(map) {
    this._map = map;
    const el = document.createElement('aside');
    el.className = 'pg-panel';
    el.hidden = true;
    el.setAttribute('role', 'dialog');
    el.setAttribute('aria-modal', 'false');
    const head = L.DomUtil.create('header', 'pg-panel-head', el);
    this._title = L.DomUtil.create('h2', 'pg-panel-title', head);
    this._title.id = 'pg-panel-title';
    el.setAttribute('aria-labelledby', this._title.id);
    const close = L.DomUtil.create('button', 'pg-panel-close', head);
    close.type = 'button';
    close.textContent = '关闭';
    close.title = '关闭（Esc）';
    L.DomEvent.on(close, 'click', () => this.close());
    this._body = L.DomUtil.create('div', 'pg-panel-body', el);
    this._foot = L.DomUtil.create('footer', 'pg-panel-foot', el);
    L.DomEvent.disableClickPropagation(el);
    L.DomEvent.disableScrollPropagation(el);
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !el.hidden) {
        this.close();
      }
    });
    // the phone's keyboard shrinks the page: keep the field being typed in on screen
    window.addEventListener('resize', () => {
      const active = document.activeElement;
      if (!el.hidden && active && el.contains(active) && active !== document.body) {
        active.scrollIntoView({ block: 'nearest' });
      }
    });
    document.body.appendChild(el);
    this.el = el;
  },

  /**
   * Shows content under a title; `key` names what is shown (e.g. 'dispute:12'), `kind` 'detail' (a sheet up to
   * about two thirds of a phone's height) or 'form' (the whole phone screen). Returns the body element.
   */
  open({ title, key, kind = 'detail' }) {
    const wasOpen = !this.el.hidden;
    this._key = key;
    this._title.textContent = title;
    this._body.textContent = '';
    this._foot.textContent = '';
    this._foot.hidden = true;
    this.el.dataset.kind = kind;
    this.el.dataset.key = key || '';
    this.el.hidden = false;
    document.body.classList.add('pg-panel-open');
    document.body.dataset.panel = key || '';
    if (!wasOpen) {
      this._map.invalidateSize({ pan: false }); // on a desktop the map narrows beside the panel
    }
    this.fire('open', { key });
    return this._body;
  },

  setTitle(title) {
    this._title.textContent = title;
  },

  /** Replaces the footer's buttons (an empty list hides the footer). */
  setFooter(elements) {
    this._foot.textContent = '';
    elements.forEach((e) => this._foot.appendChild(e));
    this._foot.hidden = elements.length === 0;
  },

  body() {
    return this._body;
  },

  key() {
    return this.el.hidden ? null : this._key;
  },

  isOpen() {
    return !this.el.hidden;
  },

  close() {
    if (this.el.hidden) {
      return this;
    }
    const key = this._key;
    this.el.hidden = true;
    this._key = null;
    document.body.classList.remove('pg-panel-open');
    document.body.dataset.panel = '';
    this._map.invalidateSize({ pan: false });
    this.fire('close', { key });
    return this;
  },
});

/** A definition list of [term, value] rows, leaving out empty values; values are text, never HTML. */
export function facts(parent, rows) {
  const list = L.DomUtil.create('dl', 'pg-facts', parent);
  for (const [term, value] of rows) {
    if (value !== null && value !== undefined && value !== '') {
      L.DomUtil.create('dt', '', list).textContent = term;
      L.DomUtil.create('dd', '', list).textContent = String(value);
    }
  }
  return list;
}

const SHANGHAI = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant (ISO text from the API, UTC) as Beijing time: 2026-11-30 15:35. */
export function beijingTime(iso) {
  if (!iso) {
    return '—';
  }
  const parts = Object.fromEntries(SHANGHAI.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A button of ours: text only. */
export function button(parent, text, className, onClick) {
  const b = L.DomUtil.create('button', className || '', parent);
  b.type = 'button';
  b.textContent = text;
  if (onClick) {
    L.DomEvent.on(b, 'click', onClick);
  }
  return b;
}
