// The account page: who is signed in, and their personal access tokens (create: shown once with a copy button;
// revoke). Loaded only here, never by the map page.
import { ensureCsrfCookie } from './csrf.js';
import { call, cell, say } from './desk-page.js';

const form = document.getElementById('create-token');
const created = document.getElementById('created');
const tokenField = document.getElementById('token');
const table = document.querySelector('#tokens tbody');

const time = (iso) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');

async function refresh() {
  const tokens = await call('GET', 'api/me/tokens');
  table.replaceChildren();
  if (tokens.length === 0) {
    cell(table.insertRow(), '还没有令牌').colSpan = 7;
  }
  for (const t of tokens) {
    const row = table.insertRow();
    row.dataset.id = t.id;
    cell(row, t.name);
    cell(row, t.hint).className = 'code';
    cell(row, time(t.createdAt));
    cell(row, time(t.lastUsedAt) || '从未');
    cell(row, t.expiresOn || '撤销前有效');
    cell(row, t.stateName);
    const actions = row.insertCell();
    if (t.state === 'ACTIVE') {
      const revoke = document.createElement('button');
      revoke.type = 'button';
      revoke.textContent = '撤销';
      revoke.addEventListener('click', async () => {
        if (!confirm(`撤销令牌「${t.name}」？使用它的软件将无法再读取数据。`)) return;
        try {
          await call('DELETE', `api/me/tokens/${t.id}`);
          say(`已撤销令牌「${t.name}」`);
          await refresh();
        } catch (e) {
          say(e.message, true);
        }
      });
      actions.append(revoke);
    }
  }
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  form.querySelectorAll('.field-error').forEach((el) => el.classList.remove('field-error'));
  const data = new FormData(form);
  try {
    const answer = await call('POST', 'api/me/tokens', {
      name: data.get('name'), expiresOn: data.get('expiresOn') || null,
    });
    tokenField.value = answer.token;
    created.hidden = false;
    tokenField.select();
    form.reset();
    say(`已创建令牌「${answer.name}」：请现在复制，离开本页后无法再查看`);
    await refresh();
  } catch (e) {
    say(e.message, true);
    if (e.field) form.elements[e.field]?.classList.add('field-error');
  }
});

document.getElementById('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(tokenField.value);
    say('已复制到剪贴板');
  } catch {
    tokenField.select(); // no clipboard access (plain http): the text is selected for Ctrl+C
    say('请按 Ctrl+C（手机上长按）复制已选中的令牌');
  }
});

async function start() {
  await ensureCsrfCookie();
  const me = await call('GET', 'api/me');
  document.getElementById('who').textContent = `${me.displayName}（${me.username}）· `
    + me.roles.map((r) => r.name).join('、');
  await refresh();
}

start().catch((e) => say(e.message, true));
