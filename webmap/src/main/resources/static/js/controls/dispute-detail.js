// A dispute in the detail panel: summary, people by display name and unit, the timeline in Beijing time, and the
// workflow steps allowed now. Each step answers the refreshed record, which replaces the panel's content in
// place: the panel stays open through the whole workflow. 移交 asks for channel and receiving unit, 交办 (town
// office) for unit, person and deadline, each in a form of its own; every error is shown in the panel.
//
// Fires on the map: 'pg:disputechanged' {dispute}.
import { api } from '../api.js';
import { REFERRAL_CHANNELS } from '../terms.js';
import { beijingTime, button, facts } from './panel.js';

/** The receiving unit offered first for each channel (the town's own bodies and the county's). */
const CHANNEL_UNITS = {
  POLICE: '大栗港派出所', JUSTICE_OFFICE: '大栗港司法所', COURT: '桃江县人民法院', PETITION: '桃江县信访局',
  PROCURATORATE: '桃江县人民检察院',
};

function text(parent, tag, className, value) {
  const el = L.DomUtil.create(tag, className, parent);
  el.textContent = value;
  return el;
}

function labelled(parent, label, control, name) {
  const row = L.DomUtil.create('label', 'pg-form-row', parent);
  text(row, 'span', 'pg-form-label', label);
  row.appendChild(control);
  control.name = name;
  const error = L.DomUtil.create('span', 'pg-form-error', row);
  error.dataset.errorFor = name;
  return control;
}

function person(name, unit) {
  return unit ? `${name}（${unit}）` : name;
}

export class DisputeDetail {
  constructor(map, panel, { canAssign = false } = {}) {
    this._map = map;
    this._panel = panel;
    this._canAssign = canAssign; // the town office: 交办
  }

  /** Opens the panel on dispute `id` (or refreshes it when it is already shown). */
  show(id) {
    const body = this._panel.open({ title: `纠纷 ${id}`, key: `dispute:${id}` });
    body.textContent = '正在加载…';
    document.body.dataset.disputeShown = '';
    return api.dispute(id).then((d) => this._fill(d), (error) => {
      body.textContent = '';
      text(body, 'p', 'pg-form-error', error.message);
    });
  }

  _fill(d) {
    if (this._panel.key() !== `dispute:${d.id}`) {
      return; // the panel moved on to something else meanwhile
    }
    const body = this._panel.body();
    body.textContent = '';
    this._panel.setTitle(`${d.type.label}纠纷 · 编号 ${d.id}`);
    const status = L.DomUtil.create('p', 'pg-status-line', body);
    const badge = text(status, 'span', `pg-badge pg-badge-${d.status.code}`, d.status.label);
    badge.dataset.status = d.status.code;
    text(status, 'span', '', ` ${d.level.label}级办理 · ${d.severity.label}`);
    if (d.overdue) {
      text(status, 'span', 'pg-badge pg-badge-overdue', '已逾期');
    }
    if (d.sensitive) {
      text(status, 'span', 'pg-badge pg-badge-sensitive', '敏感');
    }
    facts(body, [
      ['位置', `${d.village.name} ${d.grid.name}`],
      ['矛盾情况', d.situation],
      ['当事人', d.parties.map((p) => `${p.name}${p.phone ? ` ${p.phone}` : ''}`).join('；')
        + (d.partiesMasked ? '（已遮蔽）' : '')],
      ['涉及人数', d.peopleInvolved],
      ['排查', `${d.sweptOn} ${d.sweptBy}`],
      ['发生日期', d.occurredOn],
      ['责任单位', d.responsibleUnit],
      ['责任人', d.responsiblePerson],
      ['办理期限', `${d.deadline}${d.overdue ? '（已逾期）' : ''}`],
      ['移交', d.referral ? `${d.referral.unit}（${d.referral.channel.label}）` : null],
      ['化解日期', d.resolvedOn],
      ['登记', `${beijingTime(d.createdAt)} ${d.createdByName || d.createdBy}`],
    ]);
    if (d.photo) {
      const img = L.DomUtil.create('img', 'pg-dispute-photo', body);
      img.src = d.photo;
      img.alt = '现场照片';
    }
    text(body, 'h3', 'pg-panel-section', '办理经过');
    const timeline = L.DomUtil.create('ol', 'pg-timeline', body);
    for (const e of d.timeline) {
      const item = L.DomUtil.create('li', '', timeline);
      text(item, 'time', 'pg-timeline-time', beijingTime(e.at)).dateTime = e.at;
      text(item, 'span', 'pg-timeline-what', ` ${e.action.label} · ${person(e.actorName || e.actor, e.actorUnit)}`);
      if (e.note) {
        text(item, 'span', 'pg-timeline-note', e.note);
      }
    }
    this._actions(body, d);
    Object.assign(document.body.dataset, { disputeShown: String(d.id), disputeStatus: d.status.code });
  }

  _actions(body, d) {
    // 交办 is the town office's: offered by the server among the steps, or else while the case is open
    const steps = d.allowedActions.filter((a) => a.code !== 'ASSIGN');
    const canAssign = d.allowedActions.some((a) => a.code === 'ASSIGN') || (this._canAssign
      && !['RESOLVED', 'CLOSED', 'FOLLOWED_UP'].includes(d.status.code));
    if (!steps.length && !canAssign) {
      this._panel.setFooter([]);
      return;
    }
    text(body, 'h3', 'pg-panel-section', '办理');
    const area = L.DomUtil.create('div', 'pg-dispute-work', body);
    const note = labelled(area, '办理说明', document.createElement('textarea'), 'note');
    Object.assign(note, { rows: 2, maxLength: 1000, placeholder: '可选：做了什么、结果如何' });
    this._error = text(area, 'p', 'pg-form-error', '');
    this._error.setAttribute('role', 'alert');
    this._error.dataset.errorFor = 'general';
    const buttons = [];
    for (const action of steps) {
      const b = button(null, action.label, 'pg-action', () => {
        if (action.code === 'REFER') {
          this._referForm(area, d, note);
        } else {
          this._step(d, { action: action.code, note: note.value }, b);
        }
      });
      b.dataset.action = action.code;
      buttons.push(b);
    }
    if (canAssign) {
      const b = button(null, '交办', 'pg-action', () => this._assignForm(area, d));
      b.dataset.action = 'ASSIGN';
      buttons.push(b);
    }
    const strip = L.DomUtil.create('div', 'pg-action-strip');
    buttons.forEach((b) => strip.appendChild(b));
    this._panel.setFooter([strip]);
  }

  _referForm(area, d, note) {
    const form = this._subForm(area, 'refer', '移交');
    const channel = document.createElement('select');
    for (const [code, label] of Object.entries(REFERRAL_CHANNELS)) {
      channel.add(new Option(label, code));
    }
    channel.value = 'JUSTICE_OFFICE';
    labelled(form, '移交渠道', channel, 'channel');
    const unit = labelled(form, '接收单位', Object.assign(document.createElement('input'),
      { type: 'text', maxLength: 64, value: CHANNEL_UNITS.JUSTICE_OFFICE }), 'unit');
    L.DomEvent.on(channel, 'change', () => {
      unit.value = CHANNEL_UNITS[channel.value] || '';
    });
    this._formButtons(form, '确认移交', (submit) => this._step(d, {
      action: 'REFER', channel: channel.value, unit: unit.value.trim(), note: note.value,
    }, submit, form));
  }

  _assignForm(area, d) {
    const form = this._subForm(area, 'assign', '交办');
    const unit = labelled(form, '责任单位', Object.assign(document.createElement('input'),
      { type: 'text', maxLength: 64, value: d.responsibleUnit || '' }), 'responsibleUnit');
    const who = labelled(form, '责任人', Object.assign(document.createElement('input'),
      { type: 'text', maxLength: 64, value: d.responsiblePerson || '' }), 'responsiblePerson');
    const deadline = labelled(form, '办理期限', Object.assign(document.createElement('input'),
      { type: 'date', value: d.deadline || '' }), 'deadline');
    this._formButtons(form, '确认交办', (submit) => {
      const errors = [];
      if (!unit.value.trim()) {
        errors.push({ name: 'responsibleUnit', reason: '须写明责任单位' });
      }
      if (!who.value.trim()) {
        errors.push({ name: 'responsiblePerson', reason: '须写明责任人' });
      }
      if (!deadline.value) {
        errors.push({ name: 'deadline', reason: '须限定办理期限' });
      }
      if (errors.length) {
        this._showErrors(form, errors);
        return;
      }
      this._send(api.assignDispute(d.id, { responsibleUnit: unit.value.trim(),
        responsiblePerson: who.value.trim(), deadline: deadline.value }), submit, form);
    });
  }

  _subForm(area, name, title) {
    area.querySelectorAll('.pg-subform').forEach((f) => f.remove());
    const form = L.DomUtil.create('form', `pg-subform pg-subform-${name}`, area);
    text(form, 'h4', '', title);
    L.DomEvent.on(form, 'submit', (e) => L.DomEvent.preventDefault(e));
    form.scrollIntoView({ block: 'nearest' });
    return form;
  }

  _formButtons(form, label, onSubmit) {
    const row = L.DomUtil.create('div', 'pg-form-buttons', form);
    const submit = button(row, label, 'pg-primary', () => onSubmit(submit));
    submit.dataset.submit = form.className;
    button(row, '取消', '', () => form.remove());
  }

  _step(d, body, trigger, form) {
    this._send(api.disputeTransition(d.id, body), trigger, form || this._panel.body());
  }

  _send(request, trigger, form) {
    form.querySelectorAll('.pg-form-error').forEach((el) => { el.textContent = ''; });
    if (this._error) {
      this._error.textContent = '';
    }
    trigger.disabled = true;
    document.body.dataset.disputeAction = 'pending';
    request.then((updated) => {
      this._fill(updated);
      document.body.dataset.disputeAction = 'done';
      this._map.fire('pg:disputechanged', { dispute: updated });
    }, (error) => {
      trigger.disabled = false;
      this._showErrors(form, error.invalidParams.length ? error.invalidParams
        : [{ name: 'general', reason: error.message }]);
      document.body.dataset.disputeAction = 'error';
    });
  }

  _showErrors(form, params) {
    for (const { name, reason } of params) {
      const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`) || this._error;
      if (slot) {
        slot.textContent = reason;
      }
    }
  }
}
