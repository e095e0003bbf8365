// One deal: its state (as of the picked date), the stage plan against the
// stages actually reached (Gantt strip), its buying committee (decision
// tree) and its step-through history.
import { get } from './api.js';
import { decisionTree } from './decision_tree.js';
import { card, el, humanize, money } from './format.js';
import { gantt } from './gantt.js';
import { historyStepper } from './history.js';
import { optional, unavailable } from './unavailable.js';

export const title = 'Deal';

async function allSteps(id) {
  const first = await get(`/v1/opportunities/${encodeURIComponent(id)}/history`, { limit: 1000 });
  const steps = [...first.steps];
  let next = first.next_version;
  while (next) {
    const page = await get(`/v1/opportunities/${encodeURIComponent(id)}/history`, { from: next, limit: 1000 });
    steps.push(...page.steps);
    next = page.next_version;
  }
  return { ...first, steps };
}

async function committee(id) {
  const path = `/v1/opportunities/${encodeURIComponent(id)}/decision-tree`;
  const tree = await optional(() => get(path).catch((e) => {
    if (e.status === 404 && !e.missingRoute) return { contacts: [] };  // no contact holds a role yet
    throw e;
  }));
  if (tree === null) return unavailable('The decision tree', '/v1/opportunities/{id}/decision-tree');
  const members = tree.contacts;
  if (members.length === 0) return el('p', { class: 'note' }, 'No contact holds a role in this deal yet.');
  // Names are personal data: shown when this token may read the contact.
  const names = new Map();
  await Promise.all(members.map(async (m) => {
    const contact = await get(`/v1/contacts/${encodeURIComponent(m.contact_id)}`).catch(() => null);
    const name = contact?.state?.personal?.name;
    const title = m.title || contact?.state?.title;
    names.set(m.contact_id, name ? `${name}${title ? `, ${title}` : ''}` : title || m.contact_id);
  }));
  return decisionTree(members, names);
}

export async function render({ arg, filters }) {
  if (!arg) throw new Error('No deal given: open one from the deals page.');
  const at = filters.as_of ? { as_of: filters.as_of } : {};
  const [record, history, tree] = await Promise.all([
    get(`/v1/opportunities/${encodeURIComponent(arg)}`, at), allSteps(arg), committee(arg)]);
  const s = record.state;
  const today = Math.floor(Date.now() / 86400000);
  const header = el('div', { class: 'cards' },
    card('Stage', s.stage, `${s.probability} % · ${humanize(s.forecast_category)}`, 'stage'),
    card('Status', humanize(s.status), s.expected_close_date ? `expected close ${s.expected_close_date}` : null, 'status'),
    card('Amount', money(s.amount), null, 'amount'),
    card('Owner', s.owner_id, s.department_id, 'owner'),
    card('Customer', s.customer_id, (s.competitors || []).length ? `${s.competitors.length} competitor(s)` : null, 'customer'));
  return {
    node: el('section', { class: 'page', id: 'deal', dataset: { deal: arg } },
      el('h2', {}, s.title, ' ', el('small', {}, `${arg}${filters.as_of ? ` as of ${filters.as_of}` : ''} · version ${record.version}`)),
      header,
      el('h3', {}, 'Stage plan and actual'),
      (s.stage_plan || []).length || (s.stages_reached || []).length ? gantt(s, today) : el('p', { class: 'note' }, 'No stages planned or reached.'),
      el('p', { class: 'legend' }, el('span', { class: 'key plan' }, 'planned'), el('span', { class: 'key actual' }, 'actual'),
        el('span', { class: 'key late' }, 'reached later than planned')),
      el('h3', {}, 'Decision tree'), tree,
      el('h3', {}, 'History'), historyStepper(arg, history)),
  };
}
