// The 平安创建 panel: filter the site layer by kind and status, choose the period whose disputes shade the border
// zones, and (town office) draw a new site as a point or polygon or edit one. Server errors (e.g. a
// self-intersecting polygon, a point outside the town) are shown in the panel, with the field and the place.
import { api } from '../api.js';
import { SITE_KINDS, SITE_STATUSES } from '../terms.js';

/** Leaflet.draw and its loader, fetched the first time the town office draws. */
const loadDraw = () => import('../handlers/draw-loader.js').then((m) => m.loadDraw());

/** The periods offered for the zone shading: label and days back from today (null: all time). */
const PERIODS = [['近一年', 365], ['近 90 天', 90], ['近 30 天', 30], ['全部', null]];

function select(parent, name, label, options) {
  const wrap = L.DomUtil.create('label', 'pg-field', parent);
  wrap.textContent = label;
  const element = L.DomUtil.create('select', '', wrap);
  element.name = name;
  for (const [value, text] of options) {
    const option = L.DomUtil.create('option', '', element);
    option.value = value;
    option.textContent = text;
  }
  return element;
}

function input(parent, name, label) {
  const wrap = L.DomUtil.create('label', 'pg-field', parent);
  wrap.textContent = label;
  const element = L.DomUtil.create('input', '', wrap);
  Object.assign(element, { name, type: 'text', maxLength: 64 });
  return element;
}

function isoDaysAgo(days) {
  const d = new Date(Date.now() - days * 86400000);
  return d.toISOString().slice(0, 10);
}

export const SitePanelControl = L.Control.extend({
  includes: L.Evented.prototype, // fires filtered, drawing, saved and savefailed
  options: {
    position: 'topleft', // under the zoom buttons
    canEdit: false, // the town office draws and edits sites
    collapsed: true, // opened by its button, so it does not crowd the other controls of this corner
  },

  initialize(sites, zones, options) {
    L.setOptions(this, options);
    this._sites = sites;
    this._zones = zones;
  },

  onAdd(map) {
    this._map = map;
    const container = L.DomUtil.create('div', 'pg-site-panel leaflet-bar');
    L.DomEvent.disableClickPropagation(container);
    L.DomEvent.disableScrollPropagation(container);
    const toggle = L.DomUtil.create('button', 'pg-site-panel-toggle', container);
    toggle.type = 'button';
    toggle.textContent = '平安创建';
    const body = L.DomUtil.create('div', 'pg-site-panel-body', container);

    const all = [['', '全部']];
    this._kind = select(body, 'kind', '类型', all.concat(Object.entries(SITE_KINDS)));
    this._status = select(body, 'status', '状态', all.concat(Object.entries(SITE_STATUSES)));
    const onFilter = () => this._sites.setFilter({ kind: this._kind.value, status: this._status.value })
      .then((count) => this.fire('filtered', { count, kind: this._kind.value, status: this._status.value }),
        (error) => this._showError(error, '加载失败'));
    L.DomEvent.on(this._kind, 'change', onFilter);
    L.DomEvent.on(this._status, 'change', onFilter);

    this._period = select(body, 'period', '边界敏感区纠纷统计', PERIODS.map(([text, days]) => [days ?? '', text]));
    L.DomEvent.on(this._period, 'change', () => this._zones.setPeriod(this.period())
      .catch((error) => this._showError(error, '加载失败')));

    if (this.options.canEdit) {
      this._buildEditor(body);
    }
    this._error = L.DomUtil.create('p', 'pg-form-error', body);
    this._error.setAttribute('role', 'alert');

    const collapsed = this.options.collapsed;
    container.classList.toggle('pg-expanded', !collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    L.DomEvent.on(toggle, 'click', () => {
      const expanded = container.classList.toggle('pg-expanded');
      toggle.setAttribute('aria-expanded', String(expanded));
    });
    return container;
  },

  /** The chosen period as {from, to} (empty for all time). */
  period() {
    const days = this._period.value;
    return days ? { from: isoDaysAgo(Number(days)), to: isoDaysAgo(0) } : {};
  },

  /** Opens the editor on an existing site (from its popup). */
  edit(feature) {
    const p = feature.properties;
    this._editing = { id: p.id, geometry: feature.geometry, status: p.status };
    this._newKind.value = p.kind;
    this._name.value = p.name;
    this._person.value = p.responsiblePerson || '';
    this._editTitle.textContent = `修改：${p.name}`;
    this._save.hidden = false;
    this._cancel.hidden = false;
    this._map.closePopup();
    this._editShape(feature);
  },

  _buildEditor(body) {
    const editor = L.DomUtil.create('fieldset', 'pg-site-editor', body);
    this._editTitle = L.DomUtil.create('legend', '', editor);
    this._editTitle.textContent = '新建点位';
    this._newKind = select(editor, 'newKind', '类型', Object.entries(SITE_KINDS));
    this._name = input(editor, 'name', '名称');
    this._person = input(editor, 'responsiblePerson', '负责人');
    const buttons = L.DomUtil.create('div', 'pg-site-editor-buttons', editor);
    const button = (text, className, onClick) => {
      const b = L.DomUtil.create('button', className, buttons);
      b.type = 'button';
      b.textContent = text;
      L.DomEvent.on(b, 'click', onClick);
      return b;
    };
    this._drawPoint = button('画点', 'pg-draw-point', () => this._draw('marker'));
    this._drawPolygon = button('画面', 'pg-draw-polygon', () => this._draw('polygon'));
    this._save = button('保存修改', 'pg-site-save', () => this._submit(this._currentGeometry()));
    this._cancel = button('取消', 'pg-site-cancel', () => this._reset());
    this._save.hidden = true;
    this._cancel.hidden = true;
  },

  /** Draws a new geometry (for a new site, or to replace an edited site's shape). */
  _draw(type) {
    this._clearError();
    loadDraw().then(() => {
      this._stopDrawing();
      const Handler = type === 'marker' ? L.Draw.Marker : L.Draw.Polygon;
      // intersections are allowed here on purpose: the server checks every geometry and names the fault
      this._handler = new Handler(this._map, type === 'marker' ? {} : { allowIntersection: true, showArea: false });
      this._map.once(L.Draw.Event.CREATED, (e) => {
        this._handler = null;
        this._submit(e.layer.toGeoJSON().geometry);
      });
      this._handler.enable();
      this.fire('drawing', { shape: type }); // not 'type': Leaflet sets that to the event's name
    }, (error) => this._showError(error));
  },

  /** An edited site's shape on the map: vertices (polygon) or the point dragged to change it. */
  _editShape(feature) {
    loadDraw().then(() => {
      this._removeEditLayer();
      const [lng, lat] = feature.geometry.type === 'Point' ? feature.geometry.coordinates : [0, 0];
      this._editLayer = feature.geometry.type === 'Point'
        ? L.marker([lat, lng], { draggable: true })
        : L.polygon(L.GeoJSON.coordsToLatLngs(feature.geometry.coordinates, 1), { color: '#d81b60' });
      this._editLayer.addTo(this._map);
      if (this._editLayer.editing) {
        this._editLayer.editing.enable();
      }
    }, (error) => this._showError(error));
  },

  _currentGeometry() {
    return this._editLayer ? this._editLayer.toGeoJSON().geometry : this._editing.geometry;
  },

  _submit(geometry) {
    const site = {
      kind: this._newKind.value,
      name: this._name.value,
      responsiblePerson: this._person.value,
      geometry,
    };
    const editing = this._editing;
    const request = editing ? api.updateSite(editing.id, { ...site, status: editing.status })
      : api.createSite(site);
    request.then((saved) => {
      this._reset();
      this._sites.load();
      this.fire('saved', { id: saved.id });
    }, (error) => {
      this._showError(error);
      this.fire('savefailed', { error });
    });
  },

  _showError(error, what = '保存失败') {
    const where = error.invalidParams && error.invalidParams.length
      ? error.invalidParams.map((p) => `${p.name === 'geometry' ? '位置' : p.name}：${p.reason}`).join('；')
      : error.message;
    this._error.textContent = `${what}：${where}`;
  },

  _clearError() {
    this._error.textContent = '';
  },

  _stopDrawing() {
    if (this._handler) {
      this._handler.disable();
      this._handler = null;
    }
  },

  _removeEditLayer() {
    if (this._editLayer) {
      this._editLayer.remove();
      this._editLayer = null;
    }
  },

  _reset() {
    this._stopDrawing();
    this._removeEditLayer();
    this._editing = null;
    this._editTitle.textContent = '新建点位';
    this._name.value = '';
    this._person.value = '';
    this._save.hidden = true;
    this._cancel.hidden = true;
    this._clearError();
  },
});
