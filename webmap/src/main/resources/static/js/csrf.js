// CSRF protection: the server sets the XSRF-TOKEN cookie; every change sends its value back as a header.

const COOKIE = 'XSRF-TOKEN';
const HEADER = 'X-XSRF-TOKEN';

function cookieValue() {
  const entry = document.cookie.split('; ').find((c) => c.startsWith(COOKIE + '='));
  return entry ? decodeURIComponent(entry.substring(COOKIE.length + 1)) : null;
}

/** Asks the server for the cookie once, if the page does not have it yet. */
export async function ensureCsrfCookie() {
  if (!cookieValue()) {
    await fetch('api/csrf', { credentials: 'same-origin' });
  }
}

/** The header to add to every POST, PUT, PATCH and DELETE. */
export function csrfHeaders() {
  const token = cookieValue();
  return token ? { [HEADER]: token } : {};
}
