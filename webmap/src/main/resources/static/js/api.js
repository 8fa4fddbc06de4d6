// Every URL the map calls, and one fetch wrapper that turns RFC 9457 problems into Errors with the Chinese detail.
// A 401 (not signed in, or the session ended) sends the browser to the sign-in page and back here afterwards.
import { csrfHeaders, ensureCsrfCookie } from './csrf.js';

const API = 'api/'; // relative to the page, so the app also works under a context path

/** An API error: `message` is the server's Chinese `detail` (or a Chinese fallback). */
export class ApiError extends Error {
  constructor(message, status, invalidParams = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status; // HTTP status, 0 when the server could not be reached
    this.invalidParams = invalidParams; // [{name, reason}] from a problem's invalid-params
  }
}

/** A bbox [minLng, minLat, maxLng, maxLat] as the API's query parameter. */
export function bboxParam(bbox) {
  return bbox.map((n) => n.toFixed(6)).join(',');
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      const problem = await response.json();
      const params = problem['invalid-params'] || [];
      const reasons = params.map((p) => p.reason).filter(Boolean).join('；');
      return new ApiError(problem.detail || reasons || problem.title || `请求失败（HTTP ${response.status}）`,
        response.status, params);
    } catch (ignored) {
      // not JSON after all: fall through to the generic message
    }
  }
  return new ApiError(`请求失败（HTTP ${response.status}）`, response.status);
}

async function getJson(path, params = {}, { signal } = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(name, value);
    }
  }
  const search = query.toString();
  const url = API + path + (search ? `?${search}` : '');
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/geo+json, application/json' }, signal });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError('无法连接服务器，请检查网络', 0);
  }
  if (response.status === 401) {
    toLogin();
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response.json();
}

function toLogin() {
  const here = window.location.pathname + window.location.search;
  window.location.assign(`login.html?next=${encodeURIComponent(here)}`);
}

/** A change (POST, PUT, PATCH, DELETE), with the CSRF header the server requires. */
async function send(method, path, body, extraHeaders = {}) {
  await ensureCsrfCookie();
  const headers = { ...csrfHeaders(), ...extraHeaders };
  const binary = body instanceof Blob; // a photo: its own type, sent as it is
  if (body !== undefined) {
    headers['Content-Type'] = binary ? body.type : 'application/json';
  }
  let response;
  try {
    response = await fetch(API + path, { method, headers,
      body: body === undefined || binary ? body : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError('无法连接服务器，请检查网络', 0);
  }
  if (response.status === 401 && path !== 'logout') {
    toLogin();
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response.status === 204 ? null : response.json();
}

const encode = encodeURIComponent;

/** Only the parameters that have a value, as a query string. */
function queryOf(params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(name, value);
    }
  }
  return query.toString();
}

/** The density overlay PNG with what its headers tell: lng/lat bounds, legend breaks (per km²), radius. */
async function densityImage(params) {
  let response;
  try {
    response = await fetch(`${API}hotspots/density.png?${queryOf(params)}`, { headers: { Accept: 'image/png' } });
  } catch (error) {
    throw new ApiError('无法连接服务器，请检查网络', 0);
  }
  if (response.status === 401) {
    toLogin();
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  const numbers = (name) => (response.headers.get(name) || '').split(',').filter(Boolean).map(Number);
  return { blob: await response.blob(), bounds: numbers('X-Bounds'), breaks: numbers('X-Legend-Breaks'),
    radius: Number(response.headers.get('X-Radius-Meters')), disputes: Number(response.headers.get('X-Disputes')) };
}

export const api = {
  me: () => getJson('me'),
  logout: () => send('POST', 'logout'),
  mapSettings: () => getJson('map-settings'),
  town: () => getJson('town'),
  neighbours: () => getJson('neighbours'),
  water: () => getJson('water'),
  places: () => getJson('places'),
  roads: ({ bbox, roadClass } = {}) => getJson('roads', { bbox: bbox && bboxParam(bbox), class: roadClass }),
  villages: ({ bbox } = {}) => getJson('villages', { bbox: bbox && bboxParam(bbox) }),
  village: (code) => getJson(`villages/${encode(code)}`),
  grids: ({ bbox, village } = {}) => getJson('grids', { bbox: bbox && bboxParam(bbox), village }),
  grid: (code) => getJson(`grids/${encode(code)}`),
  /** At most 0.1° on a side: the server refuses larger boxes. */
  buildings: ({ bbox, limit }, options) => getJson('buildings', { bbox: bboxParam(bbox), limit }, options),
  locate: (lng, lat) => getJson('locate', { lng: lng.toFixed(7), lat: lat.toFixed(7) }),
  search: (q, options) => getJson('search', { q }, options),
  /** kind and status: comma-separated codes, or empty for all. */
  sites: ({ kind, status } = {}) => getJson('sites', { kind, status }),
  site: (id) => getJson(`sites/${encode(id)}`),
  createSite: (site) => send('POST', 'sites', site),
  updateSite: (id, site) => send('PUT', `sites/${encode(id)}`, site),
  hazards: () => getJson('hazards'),
  borderSegments: () => getJson('border-segments'),
  /** from/to (yyyy-MM-dd) choose the period whose disputes are counted per zone. */
  borderZones: ({ from, to } = {}) => getJson('border-zones', { from, to }),
  // { sensitive, zoneWidthM }, either or both: a village boundary has a zone only where marked sensitive
  changeZone: (id, change) => send('PATCH', `border-segments/${encode(id)}`, change),
  // disputes (矛盾纠纷), sweeps and KPIs
  disputes: (params, options) => getJson('disputes', { ...params, bbox: params.bbox && bboxParam(params.bbox) },
    options),
  disputeClusters: (params, options) => getJson('disputes/clusters',
    { ...params, bbox: params.bbox && bboxParam(params.bbox) }, options),
  dispute: (id) => getJson(`disputes/${encode(id)}`),
  /** `key`: the Idempotency-Key (a UUID): the same key answers the same record, however often it is sent. */
  registerDispute: (body, key) => send('POST', 'disputes', body, key ? { 'Idempotency-Key': key } : {}),
  /** A photo (a JPEG Blob, resized on the phone); sending it again replaces it. */
  putDisputePhoto: (id, blob) => send('PUT', `disputes/${encode(id)}/photo`, blob),
  assignDispute: (id, body) => send('PUT', `disputes/${encode(id)}/assignment`, body),
  disputeTransition: (id, body) => send('POST', `disputes/${encode(id)}/transitions`, body),
  nearbyDisputes: (lng, lat, type) => getJson('disputes/nearby', { lng: lng.toFixed(7), lat: lat.toFixed(7), type }),
  disputeEventsUrl: () => `${API}disputes/events`,
  /** Every filter of the map's dispute layer (empty ones left out). */
  disputeExportUrl: (params) => `${API}disputes/export.xlsx?${new URLSearchParams(
    Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''))}`,
  sweeps: (params) => getJson('sweeps', params),
  kpis: (params) => getJson('kpis', params),
  sweepCompliance: (week) => getJson('sweeps/compliance', { week }),
  sweepCampaigns: () => getJson('sweep-campaigns'),
  fileSweep: (sweep) => send('POST', 'sweeps', sweep),
  // 热点 (hotspots): params are the period (month, or from/to), type, and for units unit (grid|hex) and size
  hotspotDensityImage: (params) => densityImage(params),
  hotspotGi: (params) => getJson('hotspots/gi', params),
  hotspotDensityMapUrl: (month) => `${API}hotspots/density-map.png?${queryOf({ month })}`,
  hotspotGiMapUrl: (month) => `${API}hotspots/gi-map.png?${queryOf({ month })}`,
  hotspotEmerging: (params) => getJson('hotspots/emerging', params),
  hotspotRates: (params) => getJson('hotspots/rates', params),
  hotspotUnitDisputes: (id, params) => getJson(`hotspots/units/${encode(id)}/disputes`, params),
  meeting: (month) => getJson('meeting', { month }),
  meetingXlsxUrl: (month) => `${API}meeting.xlsx?${queryOf({ month })}`,
  // patrol routes (辅警巡逻)
  planPatrol: (shift) => send('POST', 'patrol/plans', shift),
  patrolPlans: (params) => getJson('patrol/plans', params),
  patrolPlan: (id) => getJson(`patrol/plans/${encode(id)}`),
  patrolGpxUrl: (id) => `${API}patrol/plans/${encode(id)}/gpx`,
  patrolSheetUrl: (id) => `patrol-sheet.html?id=${encode(id)}`,
  // 一户一档
  households: (p) => getJson('households', p),
  householdCounts: (p) => getJson('households/counts', p),
  household: (id) => getJson(`households/${encode(id)}`),
  revealHousehold: (id, reason) => send('POST', `households/${encode(id)}/reveal`, { reason }),
  householdExportUrl: (p) => `${API}households/export.xlsx?${queryOf(p)}`,
};
