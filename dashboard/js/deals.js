// The deals this token may see (GET /v1/opportunities, filtered like the
// views and narrowed by the server to the caller's data scope), each
// linking to its deal page; and a field to open any deal by id.
import { get } from './api.js';
import { el, humanize, money, table } from './format.js';
import { go } from './route.js';
import { optional, unavailable } from './unavailable.js';

export const title = 'Deals';

const PAGE_SIZE = 50;

export async function render({ params, filters }) {
  const query = { limit: PAGE_SIZE, cursor: params.cursor };
  for (const name of ['department', 'owner']) if (filters[name]) query[name] = filters[name];
  const list = await optional(() => get('/v1/opportunities', query));
  const open = el('form', { class: 'inline', id: 'open-deal', onsubmit: (e) => {
    e.preventDefault();
    const id = e.target.elements.deal.value.trim();
    if (id) go({ page: 'deal', arg: id, params: { cursor: '' } });
  } }, el('label', {}, 'Open deal ', el('input', { name: 'deal', placeholder: 'opp-00004', size: 16 })),
  el('button', { type: 'submit' }, 'Open'));
  if (list === null) {
    return { node: el('section', { class: 'page', id: 'deals' }, el('h2', {}, 'Deals'), open,
      unavailable('The list of deals', '/v1/opportunities')) };
  }
  const rows = list.items || list.opportunities || list.rows || [];
  const grid = table([
    { title: 'Deal', cell: (r) => el('a', { href: `#/deal/${encodeURIComponent(r.id)}`, dataset: { deal: r.id } }, r.name || r.title || r.id), field: 'name' },
    { title: 'Customer', cell: (r) => r.customer_id || '—', field: 'customer' },
    { title: 'Owner', cell: (r) => r.owner_id || '—', field: 'owner' },
    { title: 'Department', cell: (r) => r.department_id || '—', field: 'department' },
    { title: 'Status', cell: (r) => humanize(r.state || r.status), field: 'status' },
    { title: 'Stage', cell: (r) => r.stage || '—', field: 'stage' },
    { title: 'Amount', cell: (r) => money(r.amount), num: true, field: 'amount' },
  ], rows, { rowData: (r) => ({ deal: r.id, owner: r.owner_id || '' }) });
  const next = list.next_cursor || list.next;
  const pager = el('p', { class: 'pager' },
    params.cursor ? el('button', { type: 'button', class: 'link', onclick: () => go({ params: { cursor: '' } }) }, '« first page') : null,
    next ? el('button', { type: 'button', class: 'link', id: 'next-page', onclick: () => go({ params: { cursor: next } }) }, 'next page ▶') : null);
  return {
    position: list.position,
    node: el('section', { class: 'page', id: 'deals' }, el('h2', {}, 'Deals ', el('small', {}, `${rows.length} shown`)), open, grid, pager),
  };
}
