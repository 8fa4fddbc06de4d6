// The sweep page: file a village's weekly sweep (or a zero report), the town's monthly one, or a campaign's, and see
// which villages have filed this week (一周一报).
import { api } from './api.js';

const form = document.getElementById('sweep-form');
const error = document.getElementById('sweep-error');
const done = document.getElementById('sweep-done');
const state = document.body.dataset; // test hook

function option(select, value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  select.append(o);
}

async function showCompliance() {
  const week = await api.sweepCompliance();
  document.getElementById('week-start').textContent = `（${week.weekStart} 起）`;
  const body = document.querySelector('#compliance tbody');
  body.replaceChildren();
  for (const v of week.villages) {
    const row = body.insertRow();
    row.dataset.village = v.code;
    row.insertCell().textContent = v.name;
    row.insertCell().textContent = v.filed ? '已报送' : '未报送';
    row.insertCell().textContent = v.filed && v.zeroReport ? '是' : '';
    row.insertCell().textContent = v.filed ? String(v.found) : '';
  }
  const names = week.villages.filter((v) => !v.filed).map((v) => v.name);
  document.getElementById('missing').textContent = names.length ? `本周未报送：${names.join('、')}` : '本周各村均已报送';
  state.complianceLoaded = String(week.villages.length);
}

/** Shows the fields the chosen kind needs, with the right period input. */
function fitKind() {
  const kind = form.kind.value;
  form.querySelector('[data-for=village]').hidden = kind === 'TOWN_MONTHLY';
  form.querySelector('[data-for=campaignId]').hidden = kind !== 'CAMPAIGN';
  form.period.type = { VILLAGE_WEEKLY: 'week', TOWN_MONTHLY: 'month', CAMPAIGN: 'date' }[kind];
  form.period.value = kind === 'VILLAGE_WEEKLY' ? isoWeek(today()) : '';
  showDisputes();
}

/** Today in Beijing as yyyy-MM-dd. */
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** The ISO week (2026-W05) of a day. */
function isoWeek(day) {
  const d = new Date(`${day}T00:00:00Z`);
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86400000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - jan1) / (7 * 86400000));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Monday and Sunday (yyyy-MM-dd) of an ISO week. */
function weekDays(week) {
  const [year, w] = week.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000 + (w - 1) * 7 * 86400000);
  const sunday = new Date(monday.getTime() + 6 * 86400000);
  return [monday.toISOString().slice(0, 10), sunday.toISOString().slice(0, 10)];
}

/** The period's disputes of the chosen village, to tick (for a weekly sweep). */
async function showDisputes() {
  const week = form.period.value;
  document.getElementById('zero-report').textContent = week === isoWeek(today()) || !week
    ? '本周零报告（一键提交）' : `${week} 零报告（一键提交）`;
  const list = document.getElementById('week-disputes');
  const note = document.getElementById('week-disputes-note');
  list.replaceChildren();
  note.textContent = '';
  const weekly = form.kind.value === 'VILLAGE_WEEKLY' && /^\d{4}-W\d{2}$/.test(form.period.value);
  if (!weekly || !form.village.value) {
    note.textContent = '选择村和周后显示该周登记的纠纷';
    return;
  }
  const [from, to] = weekDays(form.period.value);
  const fc = await api.disputes({ village: form.village.value, from, to, limit: 500 });
  for (const f of fc.features) {
    const p = f.properties;
    const item = document.createElement('li');
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.name = 'disputeId';
    box.value = String(p.id);
    label.append(box, ` ${p.id} · ${p.sweptOn} · ${p.typeLabel} · ${p.statusLabel} · ${p.summary || ''}`);
    item.append(label);
    list.append(item);
  }
  note.textContent = fc.features.length ? `${from} 至 ${to} 共 ${fc.features.length} 件` : `${from} 至 ${to} 本村没有登记纠纷`;
  state.weekDisputes = String(fc.features.length);
}

function ids() {
  return [...form.querySelectorAll('input[name=disputeId]:checked')].map((b) => Number(b.value));
}

form.kind.addEventListener('change', fitKind);
form.period.addEventListener('change', showDisputes);
form.village.addEventListener('change', showDisputes);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  file(form.zeroReport.checked);
});

/** Files the form's sweep; `zero`: as a zero report (the one-tap button sets it for this week). */
async function file(zero) {
  error.textContent = '';
  done.textContent = '';
  form.querySelectorAll('.pg-field-error').forEach((el) => el.classList.remove('pg-field-error'));
  const kind = form.kind.value;
  const body = {
    kind,
    village: kind === 'TOWN_MONTHLY' ? null : form.village.value,
    campaignId: kind === 'CAMPAIGN' && form.campaignId.value ? Number(form.campaignId.value) : null,
    period: form.period.value,
    sweptBy: form.sweptBy.value.trim(),
    zeroReport: zero,
    disputeIds: zero ? [] : ids(),
    note: form.note.value.trim(),
  };
  try {
    const sweep = await api.fileSweep(body);
    done.textContent = `已提交：${sweep.kind.label}（${sweep.periodStart} 起）`;
    state.sweepFiled = String(sweep.id);
    await showCompliance();
  } catch (e) {
    error.textContent = e.message;
    const field = e.invalidParams && e.invalidParams[0] && form.elements[e.invalidParams[0].name];
    if (field && field.classList) field.classList.add('pg-field-error');
    state.sweepFiled = 'error';
  }
}

document.getElementById('zero-report').addEventListener('click', () => {
  state.sweepFiled = '';
  if (form.kind.value !== 'VILLAGE_WEEKLY') {
    form.kind.value = 'VILLAGE_WEEKLY';
    fitKind();
  }
  file(true); // the week in the form: this week unless another was chosen
});

async function start() {
  const [villages, campaigns, me] = await Promise.all([api.villages(), api.sweepCampaigns(), api.me()]);
  for (const f of villages.features) {
    option(form.village, f.properties.code, f.properties.name);
  }
  for (const c of campaigns) {
    option(form.campaignId, c.id, `${c.name}（${c.startsOn} 至 ${c.endsOn}）`);
  }
  // a village's own people see their village first, and the one-tap zero report for it
  const own = me.area.villages[0] || (me.area.grids[0] && me.area.grids[0].slice(0, 12));
  if (own && !me.area.wholeTown) {
    form.village.value = own;
    document.getElementById('quick').hidden = false;
  }
  fitKind();
  await showCompliance();
}

start().catch((e) => {
  error.textContent = e.message;
});
