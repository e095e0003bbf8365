// The dashboard in headless Chromium (playwright-core) against a real
// `dealstream serve --demo` with its own data directory. Run by run.sh,
// which installs playwright-core and sets:
//   DASHBOARD_BINARY        the dealstream binary
//   DASHBOARD_NODE_MODULES  where playwright-core is installed
//   DASHBOARD_CHROMIUM      Debian's chromium
//   DASHBOARD_SCREENSHOTS   where every page's screenshot is saved
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this test through tests/dashboard/run.sh`);
  return value;
};
const binary = env('DASHBOARD_BINARY');
const screenshots = env('DASHBOARD_SCREENSHOTS');
const require = createRequire(path.join(env('DASHBOARD_NODE_MODULES'), '..', 'package.json'));
const { chromium } = require('playwright-core');

// Generous deadlines for setup (a loaded CI machine); the 1 s of the live
// test is the product's promise and is kept as is.
const START_MS = 180_000;
const WAIT_MS = 20_000;
const LIVE_MS = 1_000;

let server;   // {process, url, data, admin, sales, salesEmployee}
let browser;
const failures = [];

// ---- the server -----------------------------------------------------------

async function startServer() {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'ds-dashboard-'));
  const child = spawn(binary, ['serve', '--data', data, '--listen', '127.0.0.1:0', '--durability', 'os', '--demo'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  child.stderr.on('data', (chunk) => { err = (err + chunk).slice(-4000); });
  const deadline = Date.now() + START_MS;
  while (!/^Admin token: /m.test(out)) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${out}\n${err}`);
    if (Date.now() > deadline) throw new Error(`the server did not start:\n${out}\n${err}`);
    await sleep(200);
  }
  const url = /^Dealstream is listening on (\S+)/m.exec(out)[1];
  const admin = /^Admin token: (\S+)/m.exec(out)[1];
  const s = { process: child, url, data, admin };
  await until(async () => (await call(s, 'GET', '/readyz', admin)).status === 200, START_MS, 'the server to be ready');
  return s;
}

async function stopServer(s) {
  if (!s) return;
  s.process.kill('SIGTERM');
  await Promise.race([new Promise((resolve) => s.process.once('exit', resolve)), sleep(30_000)]);
  if (s.process.exitCode === null) s.process.kill('SIGKILL');
  fs.rmSync(s.data, { recursive: true, force: true });
}

async function call(s, method, route, token, body) {
  const headers = { Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(s.url + route, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = JSON.parse(text); } catch { json = null; }
  return { status: response.status, json, text };
}

async function getJson(route, token = server.admin) {
  const r = await call(server, 'GET', route, token);
  assert.equal(r.status, 200, `GET ${route} answered ${r.status}: ${r.text}`);
  return r.json;
}

// ---- helpers --------------------------------------------------------------

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function until(check, ms, what) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      if (await check()) return;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await sleep(50);
  }
}

// "16,110,200.00 USD" → {amount: "16110200.00", currency: "USD"}
function parseMoney(text) {
  const [amount, currency] = text.trim().split(' ');
  return { amount: amount.replaceAll(',', ''), currency };
}

async function newPage(context) {
  const page = await context.newPage();
  page.on('pageerror', (e) => failures.push(`page error: ${e.message}`));
  // Chromium logs every non-2xx fetch ("Failed to load resource"); the
  // pages handle those answers themselves, and the tests check how.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) failures.push(`console error: ${m.text()}`);
  });
  return page;
}

async function signIn(page, token) {
  await page.goto(`${server.url}/`);
  await page.waitForSelector('#sign-in');
  await page.fill('#token', token);
  await page.click('#sign-in-button');
  await waitReady(page, 'funnel');
}

async function waitReady(page, name) {
  await page.waitForFunction((n) => document.body.dataset.page === n && document.body.dataset.ready === 'true',
    name, { timeout: WAIT_MS });
}

async function show(page, hash, name) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await waitReady(page, name);
}

async function screenshot(page, name) {
  fs.mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

// The funnel as the page shows it.
async function funnelOnPage(page) {
  return page.$$eval('#funnel tr[data-stage]', (rows) => rows.map((row) => {
    const cell = (f) => row.querySelector(`td[data-field="${f}"]`).textContent;
    return { stage: row.dataset.stage, count: cell('count'), amount: cell('amount'), weighted_amount: cell('weighted_amount') };
  }));
}

function funnelOfApi(view) {
  return view.stages.map((s) => ({ stage: s.stage, count: String(s.count), amount: s.amount, weighted_amount: s.weighted_amount }));
}

function sameFunnel(shown, api) {
  if (shown.length !== api.length) return false;
  return shown.every((row, i) => row.stage === api[i].stage && row.count === api[i].count &&
    JSON.stringify(parseMoney(row.amount)) === JSON.stringify(api[i].amount) &&
    JSON.stringify(parseMoney(row.weighted_amount)) === JSON.stringify(api[i].weighted_amount));
}

// Waits until the page's funnel equals the API's answer to `route`, and
// returns it.
async function expectFunnel(page, route, token) {
  let api;
  let shown;
  try {
    await until(async () => {
      api = funnelOfApi(await getJson(route, token));
      shown = await funnelOnPage(page);
      return sameFunnel(shown, api);
    }, WAIT_MS, `the page's funnel to equal GET ${route}`);
  } catch (e) {
    assert.deepEqual(shown, api, e.message);
  }
  return api;
}

// ---- the tests --------------------------------------------------------------

before(async () => {
  server = await startServer();
  // A sales employee with open deals: the top of the ranking.
  const ranking = await getJson('/v1/projections/employees');
  const seller = ranking.employees.find((e) => e.open_count > 0 && e.won_count > 0);
  assert.ok(seller, 'the demo company has a seller with open deals');
  server.salesEmployee = seller.employee_id;
  server.sales = execFileSync(binary, ['token', 'create', '--data', server.data, '--role', 'sales', '--employee', seller.employee_id],
    { encoding: 'utf8' }).trim();
  await until(async () => (await call(server, 'GET', '/v1/projections/funnel', server.sales)).status === 200,
    WAIT_MS, 'the sales token to be accepted');
  browser = await chromium.launch({
    executablePath: env('DASHBOARD_CHROMIUM'),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  await stopServer(server);
});

test('sign-in refuses a wrong token and accepts the admin token', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await newPage(context);
  await page.goto(`${server.url}/`);
  await page.waitForSelector('#sign-in');
  await screenshot(page, 'sign-in');
  await page.fill('#token', 'ds_not-a-real-token');
  await page.click('#sign-in-button');
  await page.waitForFunction(() => document.getElementById('sign-in-error')?.textContent.includes('not accepted'),
    null, { timeout: WAIT_MS });
  await page.fill('#token', server.admin);
  await page.click('#sign-in-button');
  await waitReady(page, 'funnel');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('dealstream.token')), server.admin);
  await page.reload();
  await waitReady(page, 'funnel');  // the token outlives a reload of the tab
  await page.click('#sign-out');
  await page.waitForSelector('#sign-in');
  assert.equal(await page.evaluate(() => sessionStorage.getItem('dealstream.token')), null);
  await context.close();
});

test('the funnel shows the numbers of GET /v1/projections/funnel', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await newPage(context);
  await signIn(page, server.admin);
  const api = await expectFunnel(page, '/v1/projections/funnel', server.admin);
  assert.ok(api.some((s) => Number(s.count) > 0), 'the demo funnel is not empty');
  const open = await page.textContent('[data-card="open"] .card-value');
  assert.equal(open, `${(await getJson('/v1/projections/funnel')).open.count} deals`);
  await screenshot(page, 'funnel');

  // Filters: department and period re-query with those parameters.
  const department = (await getJson('/v1/projections/employees')).departments.find((d) => d.parent_id)?.department_id;
  await page.selectOption('#filter-department', department);
  await waitReady(page, 'funnel');
  await expectFunnel(page, `/v1/projections/funnel?department=${department}`, server.admin);
  await page.fill('#filter-period', '2026');
  await page.press('#filter-period', 'Enter');
  await page.waitForFunction(() => location.hash.includes('period=2026'), null, { timeout: WAIT_MS });
  await waitReady(page, 'funnel');
  await expectFunnel(page, `/v1/projections/funnel?department=${department}&period=2026`, server.admin);
  await screenshot(page, 'funnel-filtered');
  await context.close();
});

test('a command sent through the API shows on the open page within 1 s', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await newPage(context);
  await signIn(page, server.admin);
  await page.waitForFunction(() => document.body.dataset.live === 'live', null, { timeout: WAIT_MS });
  const before = await expectFunnel(page, '/v1/projections/funnel', server.admin);
  const prospecting = before.find((s) => s.stage === 'Prospecting');

  const customers = await getJson('/v1/events?from=1&limit=1000');
  const customer = customers.events.find((e) => e.type === 'crm.customer.registered.v1').data;
  const times = [];
  for (let i = 0; i < 3; i++) {
    const expected = String(Number((await funnelOnPage(page)).find((s) => s.stage === 'Prospecting').count) + 1);
    const sent = await call(server, 'POST', '/v1/commands/OpenOpportunity', server.admin, {
      customer_id: customer.customer_id, title: `Live test ${i}`, owner_id: customer.owner_id,
      amount: { amount: '12345.67', currency: 'USD' }, expected_close_date: '2027-03-31',
    });
    assert.equal(sent.status, 201, sent.text);
    const acknowledged = Date.now();
    let shownAfter = null;
    while (Date.now() - acknowledged <= LIVE_MS) {
      const row = (await funnelOnPage(page)).find((s) => s.stage === 'Prospecting');
      if (row.count === expected) {
        shownAfter = Date.now() - acknowledged;
        break;
      }
      await sleep(10);
    }
    assert.ok(shownAfter !== null, `the new deal was not on the page ${LIVE_MS} ms after the 201 (expected Prospecting ${expected})`);
    times.push(shownAfter);
  }
  console.log(`live: the page showed each command ${times.join(', ')} ms after its 201`);
  const now = await expectFunnel(page, '/v1/projections/funnel', server.admin);
  assert.equal(Number(now.find((s) => s.stage === 'Prospecting').count), Number(prospecting.count) + 3);
  await context.close();
});

test('the as-of picker shows the numbers of the API\'s as_of', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await newPage(context);
  await signIn(page, server.admin);
  const today = await expectFunnel(page, '/v1/projections/funnel', server.admin);
  const day = '2026-06-30';
  await page.fill('#filter-as-of', day);
  await page.waitForFunction((d) => location.hash.includes(`as_of=${d}`), day, { timeout: WAIT_MS });
  await waitReady(page, 'funnel');
  const then = await expectFunnel(page, `/v1/projections/funnel?as_of=${day}`, server.admin);
  assert.notDeepEqual(then, today, `the funnel as of ${day} differs from today's`);
  await screenshot(page, 'funnel-as-of');

  // Other views follow the picker too.
  await show(page, `#/employees?as_of=${day}`, 'employees');
  const ranking = await getJson(`/v1/projections/employees?as_of=${day}`);
  const first = await page.$eval('#employees tr[data-employee]', (row) => ({
    id: row.dataset.employee, won: row.querySelector('td[data-field="won_count"]').textContent }));
  assert.deepEqual(first, { id: ranking.employees[0].employee_id, won: String(ranking.employees[0].won_count) });

  await show(page, `#/funnel?as_of=${day}`, 'funnel');
  await page.click('#filter-now');
  await page.waitForFunction(() => !location.hash.includes('as_of'), null, { timeout: WAIT_MS });
  await waitReady(page, 'funnel');
  await expectFunnel(page, '/v1/projections/funnel', server.admin);
  await context.close();
});

test('a sales token sees only its own pipeline', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await newPage(context);
  await signIn(page, server.sales);
  const own = await expectFunnel(page, '/v1/projections/funnel', server.sales);
  const everyone = funnelOfApi(await getJson('/v1/projections/funnel'));
  const total = (f) => f.reduce((sum, s) => sum + Number(s.count), 0);
  assert.ok(total(own) > 0 && total(own) < total(everyone), `own ${total(own)} deals of ${total(everyone)}`);
  await screenshot(page, 'sales-funnel');

  await show(page, '#/employees', 'employees');
  const people = await page.$$eval('#employees tr[data-employee]', (rows) => rows.map((r) => r.dataset.employee));
  assert.deepEqual(people, [server.salesEmployee]);
  const owners = await page.$$eval('#filter-owner option', (options) => options.map((o) => o.value).filter(Boolean));
  assert.deepEqual(owners, [server.salesEmployee]);
  await screenshot(page, 'sales-ranking');

  await show(page, '#/deals', 'deals');
  const deals = await page.$$eval('#deals tr[data-deal]', (rows) => rows.map((r) => ({ id: r.dataset.deal, owner: r.dataset.owner })));
  if (deals.length > 0 || !(await page.$('.unavailable'))) {
    assert.ok(deals.length > 0, 'the seller sees their deals');
    for (const d of deals) {
      const record = await getJson(`/v1/opportunities/${d.id}`, server.sales);
      const team = (record.state.team || []).map((m) => m.member_id);
      assert.ok(d.owner === server.salesEmployee || team.includes(server.salesEmployee),
        `${d.id} (owner ${d.owner}) is the seller's own or team's deal`);
    }
  }
  await screenshot(page, 'sales-deals');
  await context.close();
});

test('every page renders and is saved as a screenshot', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await newPage(context);
  await signIn(page, server.admin);
  const routes = new Set(Object.keys((await getJson('/openapi.json')).paths));
  for (const name of ['forecast', 'lifecycle', 'employees', 'competition', 'receivables', 'deals']) {
    await show(page, `#/${name}`, name);
    assert.equal(await page.$('#view .problem'), null, `${name}: ${await page.textContent('#view')}`);
    const unavailable = await page.$('#view .unavailable');
    const route = { competition: '/v1/projections/competition', receivables: '/v1/projections/receivables', deals: '/v1/opportunities' }[name];
    if (route) {
      assert.equal(unavailable !== null, !routes.has(route), `${name}: "not available" exactly when the server lacks ${route}`);
    } else {
      assert.equal(unavailable, null);
    }
    await screenshot(page, name);
  }

  // The forecast against targets: a row per period of the API's forecast.
  await show(page, '#/forecast', 'forecast');
  const forecast = await getJson('/v1/projections/forecast');
  const periods = await page.$$eval('#forecast tr[data-period]', (rows) => rows.map((r) => r.dataset.period));
  assert.deepEqual(periods, [...new Set(forecast.rows.map((r) => r.period))].sort());

  // The lifecycle pipeline: a bar per state with the API's counts.
  await show(page, '#/lifecycle', 'lifecycle');
  const lifecycle = await getJson('/v1/projections/lifecycle');
  const bars = await page.$$eval('.pipeline-row', (rows) => rows.map((r) => [r.dataset.state, Number(r.dataset.customers)]));
  assert.deepEqual(bars, lifecycle.states.map((s) => [s.state, s.customers]));

  // A deal: Gantt strip, decision tree, and stepping through its history.
  const opened = (await getJson('/v1/events?from=1&limit=1000&type=crm.opportunity.stages_planned.v1')).events[0];
  const id = opened.data.opportunity_id;
  await show(page, `#/deal/${id}`, 'deal');
  const record = await getJson(`/v1/opportunities/${id}`);
  const reached = await page.$$eval('svg.gantt rect.gantt-actual', (r) => r.map((x) => x.dataset.stage));
  assert.deepEqual(new Set(reached), new Set(record.state.stages_reached.map((s) => s.stage)));
  const planned = await page.$$eval('svg.gantt rect.gantt-plan', (r) => r.map((x) => x.dataset.stage));
  assert.deepEqual(new Set(planned), new Set(record.state.stage_plan.map((s) => s.stage)));
  const history = await getJson(`/v1/opportunities/${id}/history?limit=1000`);
  const steps = history.steps.length;
  assert.equal(await page.textContent('#step-count'), `step ${steps} of ${steps}`);
  await page.click('#step-prev');
  assert.equal(await page.textContent('#step-count'), `step ${steps - 1} of ${steps}`);
  assert.equal(await page.textContent('#step-type'), history.steps[steps - 2].type);
  await page.click('#step-first');
  assert.equal(await page.textContent('#step-type'), history.steps[0].type);
  if (routes.has('/v1/opportunities/{id}/decision-tree')) {
    const tree = await call(server, 'GET', `/v1/opportunities/${id}/decision-tree`, server.admin);
    const members = tree.status === 200 ? tree.json.contacts : [];
    const nodes = await page.$$eval('svg.decision-tree g.tree-node', (g) => g.map((x) => x.dataset.contact));
    assert.deepEqual(new Set(nodes), new Set(members.map((m) => m.contact_id)));
  } else {
    assert.ok(await page.$('#deal .unavailable'), 'the deal page says the decision tree is not available');
  }
  await screenshot(page, 'deal');
  await context.close();
});

// The page's figures, read from its cells: "3 · 1,234.00 USD" → [3, money].
function countAndMoney(text) {
  const [count, amount] = text.split(' · ');
  return { count: Number(count), money: parseMoney(amount) };
}

function percentText(ratio) {
  return ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(1)} %`;
}

async function rowsOf(page, selector, key, fields) {
  return page.$$eval(selector, (rows, [k, f]) => rows.map((row) => {
    const out = { key: row.dataset[k] };
    for (const name of f) out[name] = row.querySelector(`td[data-field="${name}"]`).textContent;
    return out;
  }), [key, fields]);
}

// Waits until `same(await shown(), await api())` holds, and fails with both.
async function expectPage(what, shown, api, same) {
  let a;
  let b;
  try {
    await until(async () => {
      a = await api();
      b = await shown();
      return same(b, a);
    }, WAIT_MS, what);
  } catch (e) {
    assert.fail(`${e.message}\npage: ${JSON.stringify(b)}\napi: ${JSON.stringify(a)}`);
  }
  return a;
}

test('competition and receivables show the numbers of their API routes', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await newPage(context);
  await signIn(page, server.admin);

  // Competition: win/loss against each competitor and the loss reasons.
  await show(page, '#/competition', 'competition');
  const competition = await expectPage('the competition page to equal GET /v1/projections/competition',
    () => Promise.all([
      rowsOf(page, '#competition tr[data-competitor]', 'competitor', ['deals', 'won', 'lost', 'win_rate']),
      rowsOf(page, '#competition tr[data-reason]', 'reason', ['count', 'amount']),
    ]),
    () => getJson('/v1/projections/competition'),
    ([competitors, reasons], api) => competitors.length === api.competitors.length &&
      competitors.every((row, i) => {
        const c = api.competitors[i];
        const won = countAndMoney(row.won);
        const lost = countAndMoney(row.lost);
        return row.key === c.competitor_id && Number(row.deals) === c.deals &&
          won.count === c.won_count && JSON.stringify(won.money) === JSON.stringify(c.won_amount) &&
          lost.count === c.lost_count && JSON.stringify(lost.money) === JSON.stringify(c.lost_amount) &&
          row.win_rate === percentText(c.win_rate);
      }) &&
      reasons.length === api.loss_reasons.length &&
      reasons.every((row, i) => row.key === api.loss_reasons[i].reason &&
        Number(row.count) === api.loss_reasons[i].count &&
        JSON.stringify(parseMoney(row.amount)) === JSON.stringify(api.loss_reasons[i].amount)));
  assert.ok(competition.competitors.length > 0, 'the demo company meets competitors');
  assert.ok(competition.competitors.some((c) => c.won_count + c.lost_count > 0), 'and wins or loses against them');
  assert.ok(competition.loss_reasons.length > 0, 'and loses deals for reasons');
  assert.equal(await page.$('#competition .unavailable'), null);
  await screenshot(page, 'competition-checked');

  // Receivables: the aging buckets and the totals, today and as of a date.
  const BUCKETS = ['current', 'days_1_30', 'days_31_60', 'days_61_90', 'over_90'];
  const receivablesMatch = async (query) => expectPage(`the receivables page to equal GET /v1/projections/receivables${query}`,
    async () => ({
      buckets: await page.$$eval('#receivables .pipeline-row[data-bucket]', (rows) => rows.map((r) => [r.dataset.bucket, r.dataset.amount])),
      outstanding: parseMoney(await page.textContent('#receivables [data-card="outstanding"] .card-value')),
      received: parseMoney(await page.textContent('#receivables [data-card="received"] .card-value')),
      contracts: await page.$$eval('#receivables tr[data-contract]', (rows) => rows.map((r) => r.dataset.contract).sort()),
    }),
    () => getJson(`/v1/projections/receivables${query}`),
    (shown, api) => JSON.stringify(shown.buckets) === JSON.stringify(BUCKETS.map((b) => [b, api.totals.aging[b].amount])) &&
      JSON.stringify(shown.outstanding) === JSON.stringify(api.totals.outstanding) &&
      JSON.stringify(shown.received) === JSON.stringify(api.totals.received) &&
      JSON.stringify(shown.contracts) === JSON.stringify(api.contracts
        .filter((c) => c.instalments.some((i) => Number(i.open.amount) > 0)).map((c) => c.contract_id).sort()));
  await show(page, '#/receivables', 'receivables');
  const receivables = await receivablesMatch('');
  assert.ok(receivables.totals.contracts > 0, 'the demo company has signed contracts');
  assert.ok(BUCKETS.some((b) => Number(receivables.totals.aging[b].amount) > 0), 'with money open');
  await screenshot(page, 'receivables-checked');
  const day = '2026-06-30';
  await show(page, `#/receivables?as_of=${day}`, 'receivables');
  const then = await receivablesMatch(`?as_of=${day}`);
  assert.equal(then.aging_date, day);
  await screenshot(page, 'receivables-as-of');
  await context.close();
});

test('the pages raised no script errors', () => {
  assert.deepEqual(failures, []);
});
