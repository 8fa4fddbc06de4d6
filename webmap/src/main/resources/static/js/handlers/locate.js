// Click (or tap) on the map: a popup naming the village or community, the grid and the building there,
// from /api/locate; outside the town the popup shows the server's explanation.
//
// Fires on the map: 'pg:located' {result, box: the popup's content, popup}, 'pg:locatefailed' {error}.
import { api } from '../api.js';
import { BUILDING_USES, VILLAGE_KINDS, termOf } from '../terms.js';

function entry(list, term, ...values) {
  L.DomUtil.create('dt', '', list).textContent = term;
  const dd = L.DomUtil.create('dd', '', list);
  for (const [text, className] of values) {
    L.DomUtil.create('span', className || '', dd).textContent = text;
  }
}

function describe(result) {
  const box = L.DomUtil.create('div', 'pg-locate');
  const list = L.DomUtil.create('dl', '', box);
  const v = result.village;
  entry(list, '村/社区', [v.name], [`${termOf(VILLAGE_KINDS, v.kind)} ${v.code}`, 'pg-code']);
  if (result.grid) {
    entry(list, '网格', [result.grid.name], [result.grid.code, 'pg-code']);
  } else {
    entry(list, '网格', ['（未划入网格）', 'pg-none']);
  }
  const b = result.building;
  if (b) {
    const floors = b.floors ? ` · ${b.floors} 层` : '';
    entry(list, '楼栋', [b.code, 'pg-code'], [`${termOf(BUILDING_USES, b.use)}${floors}`]);
  } else {
    entry(list, '楼栋', ['此处无楼栋', 'pg-none']);
  }
  L.DomUtil.create('div', 'pg-locate-point', box).textContent =
    `经度 ${result.lng.toFixed(6)}，纬度 ${result.lat.toFixed(6)}`;
  return box;
}

export const LocateHandler = L.Handler.extend({
  options: {
    maxWidth: 280, // fits a 360 px wide phone
    onRegisterHere: null, // (latlng, result): offers 在此登记 in the popup (roles that register disputes)
  },

  initialize(map, options) {
    L.Handler.prototype.initialize.call(this, map);
    L.setOptions(this, options);
  },

  addHooks() {
    this._map.on('click', this._locate, this);
  },

  removeHooks() {
    this._map.off('click', this._locate, this);
  },

  _locate(e) {
    const map = this._map;
    const popup = L.popup({ maxWidth: this.options.maxWidth, className: 'pg-locate-popup' })
      .setLatLng(e.latlng).setContent('正在查询…').openOn(map);
    const latlng = e.latlng.wrap();
    api.locate(latlng.lng, latlng.lat).then((result) => {
      const box = describe(result);
      if (this.options.onRegisterHere) {
        const here = L.DomUtil.create('button', 'pg-primary pg-register-at', box);
        here.type = 'button';
        here.textContent = '在此登记纠纷';
        L.DomEvent.on(here, 'click', () => {
          map.closePopup(popup);
          this.options.onRegisterHere(latlng, result);
        });
      }
      popup.setContent(box);
      map.fire('pg:located', { result, box, popup });
    }, (error) => {
      const box = L.DomUtil.create('div', 'pg-locate pg-locate-error');
      box.textContent = error.message;
      popup.setContent(box);
      map.fire('pg:locatefailed', { error });
    });
  },
});
