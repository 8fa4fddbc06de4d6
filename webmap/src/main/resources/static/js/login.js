// The sign-in page: gets the CSRF cookie, posts the form, and goes on to the map (or the page asked for).
import { csrfHeaders, ensureCsrfCookie } from './csrf.js';
import { safeNext } from './next-page.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');
const submit = document.getElementById('login-submit');

function showError(message) {
  error.textContent = message;
  error.hidden = false;
}

/** Only a path on this site may follow sign-in, never another origin (see next-page.js). */
function nextPage() {
  return safeNext(new URLSearchParams(location.search).get('next'), location.origin);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = form.username.value.trim();
  const password = form.password.value;
  if (!username || !password) {
    showError('请输入用户名和密码');
    return;
  }
  submit.disabled = true;
  error.hidden = true;
  try {
    await ensureCsrfCookie();
    const response = await fetch('api/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...csrfHeaders() },
      body: new URLSearchParams({ username, password }),
    });
    if (response.ok) {
      location.assign(nextPage());
      return;
    }
    const problem = await response.json().catch(() => ({}));
    showError(problem.detail || '登录失败，请稍后再试');
  } catch (e) {
    showError('无法连接服务器，请检查网络');
  } finally {
    submit.disabled = false;
  }
});

ensureCsrfCookie();
