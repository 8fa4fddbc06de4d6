// Where the sign-in page may go on after signing in: a path on this site, never another origin.

const HOME = './'; // the map, relative to login.html (so `/` at the root, the context path elsewhere)

/**
 * The page to open after sign-in for the `next` parameter `raw` (already decoded), on a page of `origin`.
 * Only a same-origin path is accepted: it must start with one `/`, hold no backslash (`/\evil.example/` and
 * `/%5Cevil.example/` are `//evil.example/` to a browser) and no control character (a tab or newline is
 * dropped by the URL parser), and resolve to `origin`. Anything else (`//evil`, `https://…`, `javascript:`) → the map.
 */
export function safeNext(raw, origin) {
  if (typeof raw !== 'string' || !raw.startsWith('/') || raw.startsWith('//')
    || /[\\\u0000-\u001f\u007f]/.test(raw)) {
    return HOME;
  }
  let url;
  try {
    url = new URL(raw, origin);
  } catch (e) {
    return HOME;
  }
  if (url.origin !== origin || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    return HOME;
  }
  return url.pathname + url.search + url.hash;
}
