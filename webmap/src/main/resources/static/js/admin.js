// Account administration: list, create, change roles/areas, disable, reset passwords; and the audit log.
import { csrfHeaders, ensureCsrfCookie } from './csrf.js';
import { call, cell, say } from './desk-page.js';

const ROLES = {
  GRID_MANAGER: '网格员', VILLAGE_CADRE: '村干部', AUX_POLICE: '辅警', MEDIATOR: '调解员',
  TOWN_OFFICE: '综治办', LEADER: '领导小组', ADMIN: '系统管理员',
};

const form = document.getElementById('create-user');

function button(parent, label, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', async () => {
    try {
      await action();
      await refresh();
    } catch (e) {
      say(e.message, true);
    }
  });
  parent.append(b, ' ');
}

async function refresh() {
  const [users, audit] = await Promise.all([call('GET', 'api/admin/users'), call('GET', 'api/admin/audit')]);
  const tbody = document.querySelector('#users tbody');
  tbody.replaceChildren();
  for (const user of users) {
    const row = tbody.insertRow();
    cell(row, user.username);
    cell(row, user.displayName);
    cell(row, user.unit);
    cell(row, user.roles.map((r) => r.name).join('、'));
    cell(row, user.areas.join('，'));
    cell(row, (user.enabled ? '启用' : '停用') + (user.locked ? '（已锁定）' : ''));
    const actions = cell(row, '');
    button(actions, user.enabled ? '停用' : '启用',
      () => call('PATCH', `api/admin/users/${user.id}`, { enabled: !user.enabled }));
    button(actions, '改区域', async () => {
      const areas = prompt('负责区域代码，逗号分隔', user.areas.join(','));
      if (areas !== null) await call('PATCH', `api/admin/users/${user.id}`, { areas: splitCodes(areas) });
    });
    button(actions, '重置密码', async () => {
      const password = prompt(`为 ${user.username} 设置新密码（至少 8 位，含字母和数字）`);
      if (password) await call('POST', `api/admin/users/${user.id}/password`, { password });
    });
  }
  const log = document.querySelector('#audit tbody');
  log.replaceChildren();
  for (const entry of audit) {
    const row = log.insertRow();
    cell(row, new Date(entry.at).toLocaleString('zh-CN'));
    cell(row, entry.username);
    cell(row, entry.remoteAddr);
    cell(row, entry.action);
    cell(row, [entry.objectType, entry.objectId].filter(Boolean).join(' '));
    cell(row, entry.detail);
  }
}

function splitCodes(text) {
  return text.split(/[,，\s]+/).map((s) => s.trim()).filter(Boolean);
}

const roleChoices = document.getElementById('role-choices');
for (const [code, name] of Object.entries(ROLES)) {
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.name = 'roles';
  box.value = code;
  label.append(box, ' ', name);
  roleChoices.append(label);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  form.querySelectorAll('.field-error').forEach((el) => el.classList.remove('field-error'));
  const body = {
    username: form.username.value.trim(),
    displayName: form.displayName.value.trim(),
    unit: form.unit.value.trim(),
    password: form.password.value,
    roles: [...form.querySelectorAll('input[name=roles]:checked')].map((b) => b.value),
    areas: splitCodes(form.areas.value),
  };
  try {
    await call('POST', 'api/admin/users', body);
    say(`已创建用户 ${body.username}`);
    form.reset();
    await refresh();
  } catch (e) {
    say(e.message, true);
    const field = e.field === 'roles' ? roleChoices : form.elements[e.field];
    if (field && field.classList) field.classList.add('field-error');
  }
});

document.getElementById('logout').addEventListener('click', async () => {
  await fetch('api/logout', { method: 'POST', headers: csrfHeaders() });
  location.assign('login.html');
});

ensureCsrfCookie().then(refresh).catch((e) => say(e.message, true));
