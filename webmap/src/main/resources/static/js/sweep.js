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
  form.period.value = '';
}

function ids(text) {
  return text.split(/[,，\s]+/).filter(Boolean).map(Number);
}

form.kind.addEventListener('change', fitKind);
form.addEventListener('submit', async (event) => {
  event.preventDefault();
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
    zeroReport: form.zeroReport.checked,
    disputeIds: ids(form.disputeIds.value),
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
});

async function start() {
  const [villages, campaigns] = await Promise.all([api.villages(), api.sweepCampaigns()]);
  for (const f of villages.features) {
    option(form.village, f.properties.code, f.properties.name);
  }
  for (const c of campaigns) {
    option(form.campaignId, c.id, `${c.name}（${c.startsOn} 至 ${c.endsOn}）`);
  }
  fitKind();
  await showCompliance();
}

start().catch((e) => {
  error.textContent = e.message;
});
