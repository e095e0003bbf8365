// Department, owner and period filters and the as-of date picker. Any
// change rewrites the URL fragment; the view re-queries with the new
// parameters (as_of = a date means the end of that day, UTC).
import { el } from './format.js';
import { go } from './route.js';

// `options`: {departments: [{department_id, name, parent_id}], employees: [{employee_id, name}]}
export function filterBar(params, options) {
  const depth = departmentDepths(options.departments);
  const change = (name) => (event) => go({ params: { [name]: event.target.value } });

  const department = el('select', { id: 'filter-department', name: 'department', onchange: change('department') },
    el('option', { value: '' }, 'All departments'),
    options.departments.map((d) => el('option', { value: d.department_id, selected: d.department_id === params.department },
      `${'\u00a0\u00a0'.repeat(depth.get(d.department_id) || 0)}${d.name}`)));
  const owner = el('select', { id: 'filter-owner', name: 'owner', onchange: change('owner') },
    el('option', { value: '' }, 'All owners'),
    [...options.employees].sort((a, b) => a.name.localeCompare(b.name))
      .map((e) => el('option', { value: e.employee_id, selected: e.employee_id === params.owner }, e.name)));
  const period = el('input', {
    id: 'filter-period', name: 'period', value: params.period || '', placeholder: '2026, 2026-Q3 or 2026-07',
    list: 'period-suggestions', size: 14, onchange: change('period'),
  });
  const suggestions = el('datalist', { id: 'period-suggestions' },
    (options.periods || []).map((p) => el('option', { value: p })));
  const asOf = el('input', { id: 'filter-as-of', name: 'as_of', type: 'date', value: params.as_of || '', onchange: change('as_of') });
  const now = el('button', { type: 'button', id: 'filter-now', class: 'link', disabled: !params.as_of,
    onclick: () => go({ params: { as_of: '' } }) }, 'now');

  return el('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
    el('label', {}, 'Department', department),
    el('label', {}, 'Owner', owner),
    el('label', {}, 'Period', period, suggestions),
    el('label', {}, 'As of', asOf, now));
}

function departmentDepths(departments) {
  const byId = new Map(departments.map((d) => [d.department_id, d]));
  const depths = new Map();
  const depthOf = (id, seen = new Set()) => {
    if (depths.has(id)) return depths.get(id);
    const d = byId.get(id);
    const parent = d?.parent_id;
    const value = parent && byId.has(parent) && !seen.has(parent) ? depthOf(parent, seen.add(id)) + 1 : 0;
    depths.set(id, value);
    return value;
  };
  for (const d of departments) depthOf(d.department_id);
  return depths;
}
