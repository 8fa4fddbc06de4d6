// What the account and admin pages share: a message line, table cells, and fetch with the CSRF header whose
// problem+json answers become Errors carrying the detail and the field.
import { csrfHeaders } from './csrf.js';

const message = document.getElementById('message');

export function say(text, isError = false) {
  message.textContent = text;
  message.className = isError ? 'error' : '';
  message.hidden = false;
}

export async function call(method, url, body) {
  const response = await fetch(url, {
    method,
    headers: body ? { 'Content-Type': 'application/json', ...csrfHeaders() } : csrfHeaders(),
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 401) {
    location.assign(`login.html?next=${location.pathname}`);
    throw new Error('未登录');
  }
  const data = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    const error = new Error(data.detail || '操作失败');
    error.field = data['invalid-params']?.[0]?.name;
    throw error;
  }
  return data;
}

export function cell(row, text) {
  const td = row.insertCell();
  td.textContent = text ?? '';
  return td;
}
