// The dispute panel: filters for the dispute layer (period, type, status, severity), "登记纠纷" by clicking the
// map or from the device's position, the registration form (server errors shown next to their fields), the
// town office's live sensitive reports (server-sent events), and links to the KPI page and the XLSX export.
//
// Fires on the map: 'pg:disputeregistered' {dispute}.
import { api } from '../api.js';
import { DISPUTE_SEVERITIES, DISPUTE_SOURCES, DISPUTE_STATUSES, DISPUTE_TYPES } from '../terms.js';

function field(form, name, label, control) {
  const row = L.DomUtil.create('label', 'pg-form-row', form);
  L.DomUtil.create('span', 'pg-form-label', row).textContent = label;
  row.appendChild(control);
  const error = L.DomUtil.create('span', 'pg-form-error', row);
  error.dataset.errorFor = name;
  control.name = name;
  return control;
}

function select(options, empty) {
  const el = document.createElement('select');
  if (empty !== undefined) {
    el.add(new Option(empty, ''));
  }
  for (const [code, label] of Object.entries(options)) {
    el.add(new Option(label, code));
  }
  return el;
}

function input(type, attributes = {}) {
  const el = document.createElement(type === 'textarea' ? 'textarea' : 'input');
  if (type !== 'textarea') {
    el.type = type;
  }
  Object.assign(el, attributes);
  return el;
}

export const DisputeControl = L.Control.extend({
  options: {
    position: 'topleft', // under the zoom buttons, where a thumb reaches on a phone
    canRegister: false, // whether the user's role may register disputes
    liveReports: false, // subscribe to sensitive reports (town office and leadership)
  },

  initialize(layer, locate, notice, options) {
    L.setOptions(this, options);
    this._layer = layer;
    this._locate = locate; // the click-to-locate handler, paused while a point is being picked
    this._notice = notice;
  },

  onAdd(map) {
    const box = L.DomUtil.create('div', 'pg-disputes leaflet-bar');
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
    const bar = L.DomUtil.create('div', 'pg-disputes-bar', box);
    const narrow = window.matchMedia('(max-width: 480px)').matches; // a phone: short labels keep the map free
    if (this.options.canRegister) {
      this._pickButton = this._button(bar, narrow ? '登记' : '登记纠纷', 'pg-dispute-register',
        () => this._togglePick());
      this._pickButton.title = '登记纠纷：在地图上点击位置';
      if (navigator.geolocation) {
        this._button(bar, narrow ? '定位' : '用当前位置登记', 'pg-dispute-here', () => this._fromDevice())
          .title = '用设备当前位置登记纠纷';
      }
    }
    this._button(bar, '筛选', 'pg-dispute-filter-toggle', () => {
      this._filters.hidden = !this._filters.hidden;
    });
    const kpi = L.DomUtil.create('a', 'pg-dispute-kpi', bar);
    kpi.href = 'kpi.html';
    kpi.textContent = narrow ? '指标' : '枫桥指标';
    const sweep = L.DomUtil.create('a', 'pg-dispute-kpi', bar);
    sweep.href = 'sweep.html';
    sweep.textContent = narrow ? '排查' : '排查报送';
    this._filters = this._filterForm(box);
    this._filters.hidden = true;
    this._form = L.DomUtil.create('form', 'pg-dispute-form', box);
    this._form.hidden = true;
    if (this.options.liveReports && window.EventSource) {
      this._listen();
    }
    return box;
  },

  onRemove() {
    this._stopPicking();
    if (this._events) {
      this._events.close();
    }
  },

  _button(parent, label, className, onClick) {
    const button = L.DomUtil.create('button', className, parent);
    button.type = 'button';
    button.textContent = label;
    L.DomEvent.on(button, 'click', onClick);
    return button;
  },

  _filterForm(box) {
    const form = L.DomUtil.create('form', 'pg-dispute-filters', box);
    const from = field(form, 'from', '从', input('date'));
    const to = field(form, 'to', '到', input('date'));
    const type = field(form, 'type', '类型', select(DISPUTE_TYPES, '全部'));
    const status = field(form, 'status', '状态', select(DISPUTE_STATUSES, '全部'));
    const severity = field(form, 'severity', '等级', select(DISPUTE_SEVERITIES, '全部'));
    const apply = () => {
      this._layer.setFilters({ from: from.value, to: to.value, type: type.value, status: status.value,
        severity: severity.value });
    };
    for (const control of [from, to, type, status, severity]) {
      L.DomEvent.on(control, 'change', apply);
    }
    const exportLink = L.DomUtil.create('a', 'pg-dispute-export', form);
    exportLink.textContent = '导出排查表（XLSX）';
    exportLink.href = '#';
    L.DomEvent.on(exportLink, 'click', () => {
      exportLink.href = api.disputeExportUrl({ from: from.value, to: to.value });
    });
    return form;
  },

  _togglePick() {
    if (this._picking) {
      this._stopPicking();
      return;
    }
    this._picking = true;
    this._pickButton.classList.add('pg-active');
    this._locate.disable();
    this._map.getContainer().classList.add('pg-picking');
    this._notice.show('disputePick', '请在地图上点击纠纷发生的位置');
    this._onPick = (e) => {
      const latlng = e.latlng.wrap();
      this._stopPicking();
      this._openForm(latlng.lng, latlng.lat, 'WGS84'); // the map's coordinates are the stored CGCS2000/WGS84
    };
    this._map.on('click', this._onPick);
    document.body.dataset.disputePicking = 'true';
  },

  _stopPicking() {
    if (!this._map) {
      return;
    }
    this._picking = false;
    if (this._pickButton) {
      this._pickButton.classList.remove('pg-active');
    }
    if (this._onPick) {
      this._map.off('click', this._onPick);
      this._onPick = null;
    }
    this._locate.enable();
    this._map.getContainer().classList.remove('pg-picking');
    this._notice.hide('disputePick');
    document.body.dataset.disputePicking = 'false';
  },

  _fromDevice() {
    this._notice.show('disputePick', '正在获取当前位置…');
    navigator.geolocation.getCurrentPosition((position) => {
      this._notice.hide('disputePick');
      this._openForm(position.coords.longitude, position.coords.latitude, 'WGS84'); // GPS: WGS84
    }, (error) => {
      this._notice.show('disputePick', `无法获取当前位置：${error.message}`, 'error');
    }, { enableHighAccuracy: true, timeout: 15000 });
  },

  _openForm(lng, lat, crs) {
    const form = this._form;
    form.textContent = '';
    form.hidden = false;
    L.DomUtil.create('h3', '', form).textContent = '登记矛盾纠纷';
    L.DomUtil.create('p', 'pg-form-point', form).textContent = `位置：经度 ${lng.toFixed(6)}，纬度 ${lat.toFixed(6)}`;
    L.DomUtil.create('span', 'pg-form-error', form).dataset.errorFor = 'location';
    const type = field(form, 'type', '类型', select(DISPUTE_TYPES, '请选择'));
    const severity = field(form, 'severity', '等级', select(DISPUTE_SEVERITIES));
    const source = field(form, 'source', '来源', select(DISPUTE_SOURCES));
    const occurredOn = field(form, 'occurredOn', '发生日期', input('date'));
    const situation = field(form, 'situation', '矛盾情况', input('textarea', { rows: 3, maxLength: 2000 }));
    const partyName = field(form, 'parties[0].name', '当事人', input('text', { maxLength: 64 }));
    const partyPhone = field(form, 'parties[0].phone', '电话', input('tel', { maxLength: 32 }));
    const people = field(form, 'peopleInvolved', '涉及人数', input('number', { min: 1, value: 1 }));
    const sensitive = field(form, 'sensitive', '敏感（即时上报）', input('checkbox'));
    const unit = field(form, 'responsibleUnit', '责任单位', input('text', { maxLength: 64 }));
    const person = field(form, 'responsiblePerson', '责任人', input('text', { maxLength: 64 }));
    const deadline = field(form, 'deadline', '期限', input('date'));
    const hint = L.DomUtil.create('div', 'pg-dispute-duplicates', form);
    const buttons = L.DomUtil.create('div', 'pg-form-buttons', form);
    const submit = this._button(buttons, '提交', 'pg-dispute-submit', () => {});
    submit.type = 'submit';
    this._button(buttons, '取消', 'pg-dispute-cancel', () => {
      form.hidden = true;
    });
    L.DomEvent.on(type, 'change', () => {
      hint.textContent = '';
      if (type.value) {
        api.nearbyDisputes(lng, lat, type.value).then((found) => {
          hint.textContent = found.length ? `注意：200 米内 90 天内已有 ${found.length} 件同类未结纠纷（编号 `
            + `${found.map((d) => d.id).join('、')}），请确认是否重复` : '';
        }, () => {});
      }
    });
    L.DomEvent.on(form, 'submit', (e) => {
      L.DomEvent.preventDefault(e);
      form.querySelectorAll('[data-error-for]').forEach((el) => { el.textContent = ''; });
      // checked in the page first; the server checks everything again and names the field it refuses
      const errors = {};
      if (!type.value) {
        errors.type = '请选择类型';
      }
      if (!situation.value.trim()) {
        errors.situation = '请填写矛盾情况';
      }
      if (Object.keys(errors).length) {
        this._showErrors(form, Object.entries(errors).map(([name, reason]) => ({ name, reason })));
        return;
      }
      const body = {
        lng, lat, crs, type: type.value, severity: severity.value, source: source.value,
        occurredOn: occurredOn.value, situation: situation.value, peopleInvolved: Number(people.value) || undefined,
        sensitive: sensitive.checked, responsibleUnit: unit.value, responsiblePerson: person.value,
        deadline: deadline.value,
        parties: partyName.value.trim() ? [{ name: partyName.value, phone: partyPhone.value }] : [],
      };
      submit.disabled = true;
      api.registerDispute(body).then((dispute) => {
        form.hidden = true;
        this._notice.show('disputeSaved', `纠纷已登记（编号 ${dispute.id}，${dispute.village.name}`
          + `${dispute.grid.name}）`);
        document.body.dataset.disputeRegistered = String(dispute.id);
        this._map.fire('pg:disputeregistered', { dispute });
        const zoom = Math.max(this._map.getZoom(), this._layer.options.pointsFromZoom);
        this._map.setView([dispute.lat, dispute.lng], zoom);
        this._layer.reload();
      }, (error) => {
        submit.disabled = false;
        this._showErrors(form, error.invalidParams.length ? error.invalidParams
          : [{ name: 'location', reason: error.message }]);
        document.body.dataset.disputeFormError = error.invalidParams.map((p) => p.name).join(',') || 'general';
      });
    });
    document.body.dataset.disputeFormOpen = 'true';
  },

  _showErrors(form, params) {
    for (const { name, reason } of params) {
      const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`)
        || form.querySelector('[data-error-for="location"]');
      slot.textContent = reason;
    }
  },

  _listen() {
    this._events = new EventSource(api.disputeEventsUrl());
    this._events.addEventListener('sensitive-dispute', (e) => {
      const report = JSON.parse(e.data);
      this._notice.show('sensitive', `即时上报：${report.villageName}${report.gridName} ${report.typeLabel}纠纷`
        + `（${report.severityLabel}）`, 'error');
      L.circleMarker([report.lat, report.lng], { radius: 16, color: '#c92a2a', weight: 3, fill: false,
        className: 'pg-dispute-alert' }).addTo(this._map);
      this._layer.reload();
    });
  },
});
