// Search box: village, community and grid names or codes. Hits come from /api/search; choosing one (a click,
// or Enter for the highlighted one) flies the map to its bbox. On narrow screens it collapses to an icon.
//
// Events: 'select' {hit} when a hit is chosen; 'arrive' {hit} when the map has flown there; 'error' {error}.
import { api } from '../api.js';

const TYPE_NAMES = { village: '村/社区', grid: '网格' };

/** A magnifier drawn as inline SVG (no image request, nothing for a CSP img-src to block). */
function magnifier() {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const circle = document.createElementNS(ns, 'circle');
  Object.entries({ cx: 10, cy: 10, r: 6.5 }).forEach(([k, v]) => circle.setAttribute(k, v));
  const handle = document.createElementNS(ns, 'path');
  handle.setAttribute('d', 'M15 15l6 6');
  svg.append(circle, handle);
  return svg;
}

export const SearchControl = L.Control.extend({
  includes: L.Evented.prototype, // controls are not Evented by themselves
  options: {
    position: 'topleft', // above the zoom buttons
    placeholder: '搜索村、社区、网格或代码',
    debounceMs: 250, // wait after the last keystroke before asking the server
    maxZoom: 17, // flying to a small grid stops at this zoom
  },

  onAdd() {
    const c = L.DomUtil.create('div', 'pg-search leaflet-bar');
    L.DomEvent.disableClickPropagation(c);
    L.DomEvent.disableScrollPropagation(c);
    this._toggle = L.DomUtil.create('button', 'pg-search-toggle', c);
    this._toggle.type = 'button';
    this._toggle.appendChild(magnifier());
    this._toggle.title = '搜索';
    this._toggle.setAttribute('aria-label', '搜索');
    this._input = L.DomUtil.create('input', 'pg-search-input', c);
    Object.assign(this._input, { type: 'search', placeholder: this.options.placeholder, autocomplete: 'off' });
    this._input.setAttribute('aria-label', '搜索村、社区或网格');
    this._list = L.DomUtil.create('ul', 'pg-search-results', c);
    this._list.setAttribute('role', 'listbox');
    this._list.hidden = true;
    this._hits = [];
    this._hitsFor = ''; // the text the listed hits were found for
    this._active = 0; // index of the highlighted hit
    this._query = 0; // sequence number of the latest request, so late answers are dropped

    L.DomEvent.on(this._toggle, 'click', this._toggleOpen, this);
    L.DomEvent.on(this._input, 'input', this._onInput, this);
    L.DomEvent.on(this._input, 'keydown', this._onKey, this);
    return c;
  },

  _toggleOpen() {
    // On wide screens the box is always open and the icon only focuses it.
    const collapsible = window.matchMedia('(max-width: 600px)').matches;
    const open = !collapsible || !this._container.classList.contains('pg-search-open');
    this._container.classList.toggle('pg-search-open', open);
    if (open) {
      this._input.focus();
    } else {
      this._clear();
    }
  },

  _onInput() {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => this._search(this._input.value.trim()), this.options.debounceMs);
  },

  _onKey(e) {
    if (e.key === 'Enter') {
      e.preventDefault();
      clearTimeout(this._timer);
      const text = this._input.value.trim();
      if (this._hits.length && text === this._hitsFor) {
        this._choose(this._hits[this._active]);
      } else {
        this._search(text, true); // the list is missing or stale: ask, then take the first hit
      }
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = this._hits.length;
      if (n) {
        this._highlight((this._active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
      }
    } else if (e.key === 'Escape') {
      this._clear();
    }
  },

  _search(text, chooseFirst = false) {
    const query = ++this._query;
    if (!text) {
      this._render([]);
      return;
    }
    api.search(text).then((hits) => {
      if (query !== this._query) {
        return;
      }
      if (chooseFirst && hits.length) {
        this._choose(hits[0]);
      } else {
        this._render(hits, text);
      }
    }, (error) => {
      if (query === this._query) {
        this._render([], text, error.message);
        this.fire('error', { error });
      }
    });
  },

  _render(hits, text = '', message = '') {
    this._hits = hits;
    this._hitsFor = text;
    this._list.replaceChildren();
    hits.forEach((hit, index) => {
      const item = L.DomUtil.create('li', 'pg-search-hit', this._list);
      item.setAttribute('role', 'option');
      item.dataset.code = hit.code;
      L.DomUtil.create('span', 'pg-search-type', item).textContent = TYPE_NAMES[hit.type] || hit.type;
      const label = L.DomUtil.create('span', 'pg-search-text', item);
      L.DomUtil.create('span', 'pg-search-name', label).textContent = hit.name;
      L.DomUtil.create('span', 'pg-search-code', label).textContent = hit.code;
      L.DomEvent.on(item, 'click', () => this._choose(hit));
      L.DomEvent.on(item, 'mouseenter', () => this._highlight(index));
    });
    if (text && !hits.length) {
      L.DomUtil.create('li', 'pg-search-empty', this._list).textContent = message || `没有找到“${text}”`;
    }
    this._list.hidden = this._list.childElementCount === 0;
    this._highlight(0);
  },

  _highlight(index) {
    this._active = index;
    [...this._list.children].forEach((item, i) => {
      item.classList.toggle('pg-active', i === index);
      item.setAttribute('aria-selected', String(i === index));
    });
  },

  _choose(hit) {
    const [minLng, minLat, maxLng, maxLat] = hit.bbox;
    this._input.value = hit.name;
    this._render([]);
    this._input.blur();
    if (window.matchMedia('(max-width: 600px)').matches) {
      this._container.classList.remove('pg-search-open'); // give the small screen back to the map
    }
    this.fire('select', { hit });
    // A flight ends with zoomend (a stray moveend, e.g. from a resize, may come earlier).
    this._map.once('zoomend', () => this.fire('arrive', { hit }));
    this._map.flyToBounds([[minLat, minLng], [maxLat, maxLng]],
      { padding: [20, 20], maxZoom: this.options.maxZoom, duration: 0.8 });
  },

  _clear() {
    this._query += 1;
    this._input.value = '';
    this._render([]);
  },
});
