// Receivables: signed, invoiced, received and outstanding amounts, the
// overdue part by aging bucket, delivery progress, and the contracts with
// open instalments
// (GET /v1/projections/receivables; days past due count to the as-of day).
import { get } from './api.js';
import { bar, card, el, humanize, magnitude, money, table } from './format.js';
import { optional, unavailable } from './unavailable.js';

export const title = 'Receivables';

const BUCKETS = [['current', 'Not yet due'], ['days_1_30', '1–30 days'], ['days_31_60', '31–60 days'],
  ['days_61_90', '61–90 days'], ['over_90', 'over 90 days']];

// {batches, shipped, accepted} → "1 of 2 shipped, 1 accepted"
function deliveries(d) {
  if (!d || !d.batches) return '—';
  return `${d.shipped} of ${d.batches} shipped, ${d.accepted} accepted`;
}

export async function render({ filters }) {
  const view = await optional(() => get('/v1/projections/receivables', filters));
  if (view === null) {
    return { node: el('section', { class: 'page', id: 'receivables' }, el('h2', {}, 'Receivables aging'),
      unavailable('Receivables aging', '/v1/projections/receivables')) };
  }
  const t = view.totals;
  const cards = el('div', { class: 'cards' },
    card('Contracts', String(t.contracts), money(t.total), 'contracts'),
    card('Invoiced', money(t.invoiced), null, 'invoiced'),
    card('Received', money(t.received), null, 'received'),
    card('Outstanding', money(t.outstanding), `overdue ${money(t.overdue)}`, 'outstanding'),
    card('Deliveries', deliveries(t.deliveries), t.deliveries ? `${t.deliveries.overdue} overdue` : null, 'deliveries'));
  const maxBucket = Math.max(0, ...BUCKETS.map(([k]) => magnitude(t.aging[k])));
  const aging = el('div', { class: 'pipeline aging' }, BUCKETS.map(([key, label]) => {
    const fill = el('div', { class: `pipeline-bar aging-${key}` });
    fill.style.width = `${maxBucket > 0 ? (magnitude(t.aging[key]) / maxBucket) * 100 : 0}%`;
    return el('div', { class: 'pipeline-row', dataset: { bucket: key, amount: t.aging[key]?.amount ?? '' } },
      el('div', { class: 'pipeline-label' }, label), el('div', { class: 'pipeline-track' }, fill),
      el('div', { class: 'pipeline-count num' }, money(t.aging[key])));
  }));
  const open = (c) => (c.instalments || []).filter((i) => magnitude(i.open) > 0);
  const overdueDays = (c) => Math.max(0, ...open(c).map((i) => i.days_past_due || 0));
  const contracts = (view.contracts || []).filter((c) => open(c).length > 0)
    .sort((a, b) => overdueDays(b) - overdueDays(a));
  const maxOpen = Math.max(0, ...contracts.map((c) => open(c).reduce((s, i) => s + magnitude(i.open), 0)));
  const grid = table([
    { title: 'Contract', cell: (c) => c.contract_id, field: 'contract' },
    { title: 'Customer', cell: (c) => c.customer_id },
    { title: 'Owner', cell: (c) => c.owner_id },
    { title: 'Status', cell: (c) => humanize(c.status) },
    { title: 'Signed', cell: (c) => c.signed_date || '—' },
    { title: 'Open instalments', cell: (c) => open(c).map((i) => `${i.due_date}: ${money(i.open)}`).join('; '), field: 'open' },
    { title: 'Most days past due', cell: (c) => String(overdueDays(c)), num: true, field: 'days_past_due' },
    { title: 'Deliveries', cell: (c) => deliveries(c.deliveries), field: 'deliveries' },
    { title: '', cell: (c) => bar(open(c).reduce((s, i) => s + magnitude(i.open), 0), maxOpen, overdueDays(c) > 0 ? 'short' : '') },
  ], contracts, { rowData: (c) => ({ contract: c.contract_id }) });
  return {
    position: view.position,
    node: el('section', { class: 'page', id: 'receivables' },
      el('h2', {}, 'Receivables aging ', el('small', {}, `as of ${view.aging_date} · in ${view.currency}`)),
      cards, el('h3', {}, 'Overdue by age'), aging,
      el('h3', {}, 'Contracts with money open'), contracts.length ? grid : el('p', { class: 'note' }, 'Nothing open.')),
  };
}
