// The dashboard's address lives in the URL fragment, so that a view with
// its filters can be bookmarked and reloaded:
//   #/funnel?department=dept-north&period=2026-Q3&as_of=2026-06-30
//   #/deal/opp-00004
export const FILTER_NAMES = ['department', 'owner', 'period', 'as_of'];

export function parseRoute(hash = location.hash) {
  const text = hash.replace(/^#\/?/, '');
  const [path, query = ''] = text.split('?');
  const [page = '', ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = Object.fromEntries(new URLSearchParams(query));
  return { page: page || 'funnel', arg: rest[0] ?? null, params };
}

export function routeHash({ page, arg, params }) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const path = arg ? `${page}/${encodeURIComponent(arg)}` : page;
  const text = query.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}

// The filters every projection takes, from a route's params.
export function filtersOf(params) {
  const filters = {};
  for (const name of FILTER_NAMES) if (params[name]) filters[name] = params[name];
  return filters;
}

export function go(change) {
  const current = parseRoute();
  const next = { ...current, ...change, params: { ...current.params, ...(change.params || {}) } };
  location.hash = routeHash(next);
}
