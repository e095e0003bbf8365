// The dashboard shell: sign-in, navigation, filters, the current page, and
// live refresh. Every page module exports
//   title: string
//   render(ctx) → {node, position?}
// where ctx = {arg, params, filters}; `position` is the log position the
// page's data was read at, so that a live refresh can tell whether the
// server's views have caught up with the event that triggered it.
import * as api from './api.js';
import { el } from './format.js';
import { filterBar } from './filter_bar.js';
import { LiveFeed } from './live.js';
import { filtersOf, parseRoute } from './route.js';
import * as funnel from './funnel.js';
import * as forecast from './forecast.js';
import * as lifecycle from './lifecycle.js';
import * as employees from './employees.js';
import * as competition from './competition.js';
import * as receivables from './receivables.js';
import * as deals from './deals.js';
import * as deal from './deal.js';

const PAGES = { funnel, forecast, lifecycle, employees, competition, receivables, deals, deal };
const NAV = ['funnel', 'forecast', 'lifecycle', 'employees', 'competition', 'receivables', 'deals'];
const REFRESH_DELAY_MS = 30;   // coalesces a burst of events into one refresh
const CATCH_UP_RETRY_MS = 80;  // the read models are behind the event: ask again
const CATCH_UP_TRIES = 40;

const app = document.getElementById('app');
let options = null;     // filter choices, loaded at sign-in
let generation = 0;     // the newest render; older ones are dropped
let shown = null;       // {key, position} of the page on screen
let wanted = 0;         // the newest event position seen on the live feed
let refreshTimer = null;
let refreshTries = 0;

const live = new LiveFeed({
  onEvent: ({ position }) => {
    if (position !== null) wanted = Math.max(wanted, position);
    document.body.dataset.lastEvent = String(wanted);
    scheduleRefresh(REFRESH_DELAY_MS, true);
  },
  onState: (state) => {
    document.body.dataset.live = state;
    const dot = document.getElementById('live-state');
    if (dot) {
      dot.dataset.state = state;
      dot.textContent = { live: 'live', connecting: 'connecting…', offline: 'offline, retrying', unauthorized: 'signed out' }[state];
    }
    if (state === 'unauthorized') signOut('The server no longer accepts this token.');
  },
});

function scheduleRefresh(delay, fresh) {
  if (fresh) refreshTries = 0;
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => show({ quiet: true }), delay);
}

function signInPage(message) {
  ++generation;  // a render still in flight must not draw over the sign-in form
  clearTimeout(refreshTimer);
  const input = el('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', placeholder: 'ds_…', required: true });
  const error = el('p', { class: 'error', id: 'sign-in-error', role: 'alert' }, message || '');
  const form = el('form', { id: 'sign-in', class: 'sign-in', onsubmit: async (event) => {
    event.preventDefault();
    error.textContent = '';
    api.setToken(input.value.trim());
    try {
      await loadOptions();
      start();
    } catch (e) {
      api.clearToken();
      error.textContent = e.status === 401 ? 'This token is not accepted (unknown, malformed or revoked).'
        : e.status === 403 ? `This token may not read pipeline views: ${e.message}` : e.message;
    }
  } },
  el('h1', {}, 'Dealstream'),
  el('p', {}, 'Sign in with your API token (', el('code', {}, 'dealstream token create'), ' or the one ', el('code', {}, 'make serve'), ' printed).'),
  el('label', {}, 'Token', input),
  el('button', { type: 'submit', id: 'sign-in-button' }, 'Sign in'),
  error);
  app.replaceChildren(form);
  document.body.dataset.page = 'sign-in';
  input.focus();
}

async function loadOptions() {
  const [people, outlook] = await Promise.all([
    api.get('/v1/projections/employees'),
    api.get('/v1/projections/forecast', { granularity: 'quarter' }).catch(() => ({ rows: [] })),
  ]);
  const quarters = [...new Set(outlook.rows.map((r) => r.period))].sort();
  const years = [...new Set(quarters.map((q) => q.slice(0, 4)))];
  options = { employees: people.employees, departments: people.departments || [], periods: [...years, ...quarters] };
}

function signOut(message) {
  live.stop();
  api.clearToken();
  options = null;
  shown = null;
  signInPage(message);
}

function start() {
  shown = null;
  show({ quiet: false });
}

function shell(route) {
  const nav = el('nav', { class: 'nav' }, NAV.map((name) => el('a', {
    href: `#/${name}${location.hash.includes('?') ? `?${location.hash.split('?')[1]}` : ''}`,
    class: route.page === name || (name === 'deals' && route.page === 'deal') ? 'active' : '',
    dataset: { nav: name },
  }, PAGES[name].title)));
  const header = el('header', { class: 'top' },
    el('div', { class: 'brand' }, 'Dealstream'),
    nav,
    el('div', { class: 'session' },
      el('span', { id: 'live-state', class: 'live-state', dataset: { state: document.body.dataset.live || 'connecting' } },
        document.body.dataset.live === 'live' ? 'live' : 'connecting…'),
      el('button', { type: 'button', id: 'sign-out', class: 'link', onclick: () => signOut('Signed out.') }, 'Sign out')));
  return el('div', { class: 'shell' }, header, filterBar(route.params, options),
    el('main', { id: 'view' }));
}

// Renders the page the URL names. `quiet`: a live refresh, which keeps the
// page on screen until the new one is ready.
async function show({ quiet }) {
  if (!api.token()) return signInPage();
  if (!options) {
    try {
      await loadOptions();
    } catch (e) {
      return signOut(e.status === 401 ? 'Please sign in again.' : e.message);
    }
  }
  const route = parseRoute();
  const page = PAGES[route.page] ? route.page : 'funnel';
  const key = location.hash;
  const mine = ++generation;
  if (!quiet || !shown || shown.key !== key) {
    app.replaceChildren(shell({ ...route, page }));
    document.getElementById('view').replaceChildren(el('p', { class: 'loading' }, 'Loading…'));
    document.body.dataset.ready = 'false';
  }
  let result;
  try {
    result = await PAGES[page].render({ arg: route.arg, params: route.params, filters: filtersOf(route.params) });
  } catch (e) {
    if (mine !== generation) return;
    if (e.status === 401) return signOut('The server no longer accepts this token.');
    result = { node: el('div', { class: 'problem', role: 'alert' },
      el('h2', {}, e.status ? `The server answered ${e.status}` : 'Could not load this view'),
      el('p', { id: 'problem-detail' }, e.message)) };
  }
  if (mine !== generation) return;
  const view = document.getElementById('view');
  if (!view) return;  // the shell was replaced meanwhile (signed out)
  view.replaceChildren(result.node);
  view.dataset.page = page;
  view.dataset.position = result.position ?? '';
  document.body.dataset.page = page;
  document.body.dataset.ready = 'true';
  shown = { key, position: result.position ?? null };
  if (live.stopped) live.start(result.position ?? null);
  // The event that triggered this refresh may not have reached the read
  // models yet: ask again until they report its position.
  if (result.position !== undefined && result.position !== null && result.position < wanted &&
      refreshTries++ < CATCH_UP_TRIES) {
    scheduleRefresh(CATCH_UP_RETRY_MS, false);
  }
}

window.addEventListener('hashchange', () => show({ quiet: false }));
show({ quiet: false });
