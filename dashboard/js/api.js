// The dashboard's only way to the server: fetch with the bearer token the
// person signed in with (kept in sessionStorage: it ends with the tab).
const TOKEN_KEY = 'dealstream.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}
export function setToken(value) {
  sessionStorage.setItem(TOKEN_KEY, value);
}
export function clearToken() {
  sessionStorage.removeItem(TOKEN_KEY);
}

// An answer other than 2xx. `problem` is the RFC 9457 body when there is one.
export class ApiError extends Error {
  constructor(status, problem, path) {
    super(problem?.detail || `${status} from ${path}`);
    this.status = status;
    this.problem = problem;
    this.path = path;
  }
  // The server has no such route (as opposed to a record it does not have).
  get missingRoute() {
    return this.status === 404 && this.problem?.code === 'no_route';
  }
}

// "/v1/projections/funnel", {as_of: "2026-06-30", owner: ""} →
// "/v1/projections/funnel?as_of=2026-06-30" (empty values are left out).
export function withQuery(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export async function get(path, params = {}, { signal } = {}) {
  const url = withQuery(path, params);
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${token()}`, Accept: 'application/json' },
    signal,
    cache: 'no-store',
  });
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof body === 'object' ? body : null, url);
  }
  return body;
}
