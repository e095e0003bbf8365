// Formatting and DOM helpers shared by every page. Money arrives as
// {"amount": "125000.00", "currency": "USD"}: a decimal string, formatted
// here as a string so that no amount ever passes through a float.

// el('td', {class: 'num', dataset: {field: 'count'}}, '12') → <td …>12</td>
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'style') Object.assign(node.style, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : String(child));
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (key === 'class') node.setAttribute('class', value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

// "16110200.5" → "16,110,200.50"; keeps the sign; never rounds through a float.
export function groupDecimal(text) {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(text));
  if (!match) return String(text);
  const [, sign, whole, fraction = ''] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}.${(fraction + '00').slice(0, Math.max(2, fraction.length))}`;
}

// {amount, currency} → "16,110,200.00 USD"; null → "—".
export function money(value) {
  if (!value) return '—';
  return `${groupDecimal(value.amount)} ${value.currency}`;
}

// For bar lengths only (never for display or sums shown to a person).
export function magnitude(value) {
  return value ? Number(value.amount) : 0;
}

// 0.6571 → "65.7 %"; null → "—".
export function percent(ratio, digits = 1) {
  if (ratio === null || ratio === undefined) return '—';
  return `${(ratio * 100).toFixed(digits)} %`;
}

// A horizontal bar whose length is value/max of the track.
export function bar(value, max, kind = '') {
  const share = max > 0 ? Math.max(0, Math.min(1, value / max)) : 0;
  const fill = el('span', { class: `bar-fill ${kind}` });
  fill.style.width = `${(share * 100).toFixed(2)}%`;
  return el('span', { class: 'bar-track' }, fill);
}

export function humanize(text) {
  return String(text ?? '').replaceAll('_', ' ');
}

// A table from column definitions [{title, cell(row) → node|string, num?}].
export function table(columns, rows, { rowData } = {}) {
  const head = el('thead', {}, el('tr', {}, columns.map((c) => el('th', { class: c.num ? 'num' : '' }, c.title))));
  const body = el('tbody', {}, rows.map((row) =>
    el('tr', { dataset: rowData ? rowData(row) : {} },
      columns.map((c) => el('td', { class: c.num ? 'num' : '', dataset: c.field ? { field: c.field } : {} }, c.cell(row))))));
  return el('table', { class: 'grid' }, head, body);
}

export function card(title, value, detail, field) {
  return el('div', { class: 'card', dataset: field ? { card: field } : {} },
    el('div', { class: 'card-title' }, title),
    el('div', { class: 'card-value' }, value),
    detail ? el('div', { class: 'card-detail' }, detail) : null);
}

// Exact sum of decimal amount strings in one currency ("1.50" + "2.25" → "3.75").
export function sumMoney(values, currency) {
  const present = values.filter(Boolean);
  if (present.length === 0) return null;
  const scale = Math.max(2, ...present.map((v) => (String(v.amount).split('.')[1] || '').length));
  let total = 0n;
  for (const v of present) {
    const [whole, fraction = ''] = String(v.amount).replace('-', '').split('.');
    const units = BigInt(whole + fraction.padEnd(scale, '0'));
    total += String(v.amount).startsWith('-') ? -units : units;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const text = `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return { amount: text, currency: currency ?? present[0].currency };
}
