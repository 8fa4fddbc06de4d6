// Registering a dispute where it happens, made for a grid manager's phone: 在此登记 at the GPS fix (or at a
// point tapped on the map, from its popup), a form with what the role fills in, and 提交 always on screen (the
// panel's footer), also with the keyboard open. Whether the point lies in the user's own area is said as the
// form opens, before any typing. Without a connection the report is kept on the phone (Outbox) and sent later
// under the same Idempotency-Key.
//
// Fires on the map: 'pg:disputeregistered' {dispute}, 'pg:disputequeued' {key}.
import { api } from '../api.js';
import { DISPUTE_SEVERITIES, DISPUTE_SOURCES, DISPUTE_TYPES } from '../terms.js';
import { newKey } from '../outbox.js';
import { button } from './panel.js';

function text(parent, tag, className, value) {
  const el = L.DomUtil.create(tag, className, parent);
  el.textContent = value;
  return el;
}

function row(parent, label, control, name) {
  const wrap = L.DomUtil.create('label', 'pg-form-row', parent);
  text(wrap, 'span', 'pg-form-label', label);
  wrap.appendChild(control);
  control.name = name;
  L.DomUtil.create('span', 'pg-form-error', wrap).dataset.errorFor = name;
  return control;
}

function input(type, attributes = {}) {
  const el = document.createElement(type === 'textarea' ? 'textarea' : 'input');
  if (type !== 'textarea') {
    el.type = type;
  }
  return Object.assign(el, attributes);
}

function select(options, value) {
  const el = document.createElement('select');
  for (const [code, label] of Object.entries(options)) {
    el.add(new Option(label, code));
  }
  if (value) {
    el.value = value;
  }
  return el;
}

/** Whether a located point (from /api/locate) lies in the signed-in user's own area. */
function inOwnArea(me, located) {
  if (me.area.wholeTown) {
    return true;
  }
  const grid = located.grid && located.grid.code;
  return (grid && me.area.grids.includes(grid)) || me.area.villages.includes(located.village.code);
}

/** A photo made smaller on the phone before it is sent: at most 1280 px on its longer side, JPEG. */
export function resizePhoto(file, maxSide = 1280) {
  return createImageBitmap(file).then((bitmap) => {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob)
      : reject(new Error('toBlob'))), 'image/jpeg', 0.8));
  });
}

export class RegisterFlow {
  constructor(map, { panel, position, notice, outbox, me }) {
    this._map = map;
    this._panel = panel;
    this._position = position;
    this._notice = notice;
    this._outbox = outbox;
    this._me = me;
    const roles = me.roles.map((r) => r.code);
    this._town = roles.includes('TOWN_OFFICE');
    this._village = roles.includes('VILLAGE_CADRE') || roles.includes('AUX_POLICE');
    this._pin = L.marker([0, 0], { pane: 'pgPosition', interactive: false, keyboard: false,
      icon: L.divIcon({ className: 'pg-register-pin', iconSize: [22, 30], iconAnchor: [11, 30] }) });
    panel.on('close', (e) => {
      if (e.key === 'register') {
        this._pin.remove();
        document.body.dataset.disputeFormOpen = 'false';
      }
    });
  }

  /** The big action: register at the GPS fix, locating first if need be. */
  here() {
    const fix = this._position.fix();
    if (fix) {
      this.open(fix.latlng, { accuracy: fix.accuracy });
      return;
    }
    this._notice.show('register', '正在获取当前位置…也可以点地图上的位置，再点“在此登记”');
    this._position.start({ center: true });
    this._position.whenFix().then((f) => {
      this._notice.hide('register');
      this.open(f.latlng, { accuracy: f.accuracy });
    }, () => {
      this._notice.hide('register'); // the tracker's own notice explains the failure
    });
  }

  /**
   * Opens the form at `latlng` (WGS84). `located`: the /api/locate answer when the caller has it already (the
   * map popup); `accuracy`: metres, for a GPS fix.
   */
  open(latlng, { accuracy, located } = {}) {
    const point = latlng.wrap();
    const key = newKey(); // one per form: a double tap on 提交 sends the same key
    const body = this._panel.open({ title: '登记矛盾纠纷', key: 'register', kind: 'form' });
    this._pin.setLatLng(point).addTo(this._map);
    const form = L.DomUtil.create('form', 'pg-dispute-form', body);
    form.noValidate = true;
    form.id = 'pg-register-form';
    const where = L.DomUtil.create('div', 'pg-register-where', form);
    const place = text(where, 'p', 'pg-register-place', '正在确定所在村和网格…');
    text(where, 'p', 'pg-form-point', `${accuracy ? `GPS 定位（精度约 ±${Math.round(accuracy)} 米）`
      : '地图选点'}：经度 ${point.lng.toFixed(6)}，纬度 ${point.lat.toFixed(6)}`);
    const warning = text(where, 'p', 'pg-register-warning', '');
    warning.setAttribute('role', 'alert');
    warning.hidden = true;
    const general = L.DomUtil.create('p', 'pg-form-error', where);
    general.dataset.errorFor = 'location';

    const types = L.DomUtil.create('fieldset', 'pg-chips', form);
    text(types, 'legend', '', '类型');
    for (const [code, label] of Object.entries(DISPUTE_TYPES)) {
      const chip = L.DomUtil.create('label', 'pg-chip', types);
      const radio = input('radio', { name: 'type', value: code });
      chip.appendChild(radio);
      text(chip, 'span', '', label);
    }
    L.DomUtil.create('span', 'pg-form-error', types).dataset.errorFor = 'type';
    const hint = L.DomUtil.create('p', 'pg-dispute-duplicates', form);
    const situation = row(form, '矛盾情况', input('textarea', { rows: 3, maxLength: 2000,
      placeholder: '谁和谁、因为什么、现在怎样' }), 'situation');
    const partyName = row(form, '当事人', input('text', { maxLength: 64, placeholder: '姓名（可不填）' }),
      'parties[0].name');
    const partyPhone = row(form, '电话', input('tel', { maxLength: 32, inputMode: 'tel' }), 'parties[0].phone');
    const sensitiveRow = L.DomUtil.create('label', 'pg-form-row pg-check', form);
    const sensitive = input('checkbox', { name: 'sensitive' });
    sensitiveRow.appendChild(sensitive);
    text(sensitiveRow, 'span', '', '敏感纠纷（即时上报综治办）');
    const sweptBy = row(form, '排查人', input('text', { maxLength: 64, value: this._me.displayName || '' }),
      'sweptBy');
    const photoRow = L.DomUtil.create('label', 'pg-form-row pg-photo-row', form);
    L.DomUtil.create('span', 'pg-form-label', photoRow).textContent = '照片';
    const photoInput = input('file', { accept: 'image/*', capture: 'environment', name: 'photo' });
    photoRow.appendChild(photoInput);
    const preview = L.DomUtil.create('img', 'pg-photo-preview', photoRow);
    preview.alt = '照片预览';
    preview.hidden = true;
    L.DomUtil.create('span', 'pg-form-error', photoRow).dataset.errorFor = 'photo';
    let photo = null; // the resized JPEG
    L.DomEvent.on(photoInput, 'change', () => {
      photo = null;
      preview.hidden = true;
      const file = photoInput.files[0];
      if (file) {
        resizePhoto(file).then((blob) => {
          photo = blob;
          const reader = new FileReader(); // a data: URL (the page's CSP allows no blob: images)
          reader.onload = () => {
            preview.src = reader.result;
            preview.hidden = false;
          };
          reader.readAsDataURL(blob);
          document.body.dataset.photoBytes = String(blob.size);
        }, () => this._showErrors(form, [{ name: 'photo', reason: '无法读取这张照片，请换一张' }]));
      }
    });
    const more = {};
    if (this._town || this._village) {
      const severities = this._town ? DISPUTE_SEVERITIES
        : Object.fromEntries(Object.entries(DISPUTE_SEVERITIES).filter(([c]) => c !== 'MAJOR'));
      more.severity = row(form, '等级', select(severities, 'ORDINARY'), 'severity');
      more.source = row(form, '来源', select(DISPUTE_SOURCES, 'SWEEP'), 'source');
    }
    if (this._town) {
      const details = L.DomUtil.create('details', 'pg-more', form);
      text(details, 'summary', '', '更多（重大纠纷须填责任单位、责任人、期限）');
      more.occurredOn = row(details, '发生日期', input('date'), 'occurredOn');
      more.people = row(details, '涉及人数', input('number', { min: 1, value: 1 }), 'peopleInvolved');
      more.unit = row(details, '责任单位', input('text', { maxLength: 64 }), 'responsibleUnit');
      more.person = row(details, '责任人', input('text', { maxLength: 64 }), 'responsiblePerson');
      more.deadline = row(details, '期限', input('date'), 'deadline');
      L.DomEvent.on(more.severity, 'change', () => {
        details.open = details.open || more.severity.value === 'MAJOR';
      });
    }

    const submit = button(null, '提交', 'pg-primary pg-dispute-submit');
    submit.type = 'submit';
    submit.setAttribute('form', form.id);
    const cancel = button(null, '取消', 'pg-dispute-cancel', () => this._panel.close());
    const relocate = button(null, '改选位置', 'pg-dispute-relocate', () => {
      this._panel.close();
      this._notice.show('register', '请点地图上纠纷发生的位置，再点“在此登记”');
    });
    this._panel.setFooter([submit, relocate, cancel]);

    const checkPlace = (result) => {
      place.textContent = `${result.village.name}${result.grid ? ` · ${result.grid.name}` : '（未划入网格）'}`;
      const own = inOwnArea(this._me, result) && result.grid;
      warning.hidden = own;
      warning.textContent = own ? '' : `该位置在${result.village.name}${result.grid ? result.grid.name : ''}，`
        + '不在您负责的区域内，不能在此登记。请点“改选位置”。';
      submit.disabled = !own;
      document.body.dataset.registerArea = own ? 'own' : 'outside';
    };
    (located ? Promise.resolve(located) : api.locate(point.lng, point.lat)).then(checkPlace, (error) => {
      if (error.status === 0) {
        place.textContent = '离线：提交后保存在本机，联网后自动发送';
        document.body.dataset.registerArea = 'unknown';
        return;
      }
      place.textContent = '';
      warning.hidden = false;
      warning.textContent = `${error.message}。请点“改选位置”。`;
      submit.disabled = true;
      document.body.dataset.registerArea = 'outside';
    });

    L.DomEvent.on(types, 'change', () => {
      const type = form.querySelector('input[name=type]:checked');
      hint.textContent = '';
      if (type && navigator.onLine) {
        api.nearbyDisputes(point.lng, point.lat, type.value).then((found) => {
          hint.textContent = found.length ? `注意：200 米内 90 天内已有 ${found.length} 件同类未结纠纷（编号 `
            + `${found.map((d) => d.id).join('、')}），请确认是否重复` : '';
        }, () => {});
      }
    });

    L.DomEvent.on(form, 'submit', (e) => {
      L.DomEvent.preventDefault(e);
      form.querySelectorAll('[data-error-for]').forEach((el) => { el.textContent = ''; });
      const type = form.querySelector('input[name=type]:checked');
      const errors = [];
      if (!type) {
        errors.push({ name: 'type', reason: '请选择类型' });
      }
      if (!situation.value.trim()) {
        errors.push({ name: 'situation', reason: '请填写矛盾情况' });
      }
      if (errors.length) {
        this._showErrors(form, errors);
        return;
      }
      const request = {
        lng: point.lng, lat: point.lat, crs: 'WGS84', type: type.value, situation: situation.value.trim(),
        severity: more.severity ? more.severity.value : 'ORDINARY', source: more.source ? more.source.value : 'SWEEP',
        sweptBy: sweptBy.value.trim(), sensitive: sensitive.checked,
        parties: partyName.value.trim() ? [{ name: partyName.value.trim(), phone: partyPhone.value.trim() }] : [],
      };
      if (this._town) {
        Object.assign(request, { occurredOn: more.occurredOn.value, peopleInvolved: Number(more.people.value) || undefined,
          responsibleUnit: more.unit.value, responsiblePerson: more.person.value, deadline: more.deadline.value });
      }
      const summary = `${DISPUTE_TYPES[type.value]}：${request.situation.slice(0, 30)}`;
      submit.disabled = true;
      document.body.dataset.disputeFormError = '';
      const keep = () => this._outbox.add({ key, body: request, summary, photo }).then(() => {
        this._panel.close();
        this._notice.show('register', '没有网络：这件纠纷已保存在本机，联网后自动发送', 'error');
        this._map.fire('pg:disputequeued', { key });
      });
      if (!navigator.onLine) {
        keep();
        return;
      }
      api.registerDispute(request, key).then((dispute) => (photo
        ? api.putDisputePhoto(dispute.id, photo).then(() => dispute, (error) => {
          this._notice.show('photo', `照片未能上传：${error.message}`, 'error');
          return dispute;
        }) : dispute)).then((dispute) => {
        this._panel.close();
        this._notice.show('register', `纠纷已登记（编号 ${dispute.id}，${dispute.village.name}${dispute.grid.name}）`);
        document.body.dataset.disputeRegistered = String(dispute.id);
        this._map.fire('pg:disputeregistered', { dispute });
      }, (error) => {
        if (error.status === 0) {
          keep();
          return;
        }
        submit.disabled = false;
        this._showErrors(form, error.invalidParams.length ? error.invalidParams
          : [{ name: 'location', reason: error.message }]);
        document.body.dataset.disputeFormError = error.invalidParams.map((p) => p.name).join(',') || 'general';
      });
    });
    document.body.dataset.disputeFormOpen = 'true';
    return form;
  }

  _showErrors(form, params) {
    for (const { name, reason } of params) {
      const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`)
        || form.querySelector('[data-error-for="location"]');
      const details = slot.closest('details');
      if (details) {
        details.open = true;
      }
      slot.textContent = reason;
    }
    const first = form.querySelector('.pg-form-error:not(:empty)');
    if (first) {
      first.scrollIntoView({ block: 'nearest' });
    }
  }
}

/** The offline queue in the panel: what waits, what the server refused and why. */
export function showOutbox(panel, outbox) {
  const body = panel.open({ title: '本机保存的登记', key: 'outbox' });
  const items = outbox.items();
  L.DomUtil.create('p', 'pg-form-point', body).textContent = navigator.onLine
    ? '已联网：待发送的登记正在自动发送。' : '没有网络：联网后自动发送。';
  const list = L.DomUtil.create('ul', 'pg-case-list', body);
  for (const item of items) {
    const li = L.DomUtil.create('li', '', list);
    L.DomUtil.create('strong', '', li).textContent = item.summary;
    L.DomUtil.create('span', 'pg-case-summary', li).textContent = item.state === 'refused'
      ? `未被接受：${item.error}` : `待发送（保存于 ${item.savedAt.slice(0, 16).replace('T', ' ')}）`;
    if (item.state === 'refused') {
      const remove = L.DomUtil.create('button', '', li);
      remove.type = 'button';
      remove.textContent = '删除';
      L.DomEvent.on(remove, 'click', () => outbox.remove(item.key));
    }
  }
  const send = L.DomUtil.create('button', 'pg-primary', null);
  send.type = 'button';
  send.textContent = '立即发送';
  L.DomEvent.on(send, 'click', () => outbox.flush());
  panel.setFooter([send]);
}

