// Small DOM helpers. Every string from a report reaches the page through textContent or text nodes;
// the only HTML inserted is the API's snippets and highlighted report text, rebuilt node by node keeping <mark> alone.

/** Creates an element: el('a', {href: '…', class: 'x'}, 'text', childNode, …). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of a node. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/**
 * Turns a snippet (escaped text with <mark> around matches) into nodes. The HTML is parsed inertly and only
 * text and <mark> survive, so that even a snippet the server escaped badly cannot inject markup.
 */
export function snippetNodes(html) {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = [];
  const walk = (node, marked) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        out.push(marked ? el('mark', {}, child.textContent) : document.createTextNode(child.textContent));
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        walk(child, marked || child.tagName === 'MARK');
      }
    }
  };
  walk(doc.body, false);
  return out;
}

/**
 * A figure's value as a reader wants it: a derived ratio (field.derived, a fraction) as a percentage with one
 * decimal, anything else as printed. '—' when absent.
 */
export function formatFigure(field, n) {
  if (n === null || n === undefined) return '—';
  if (field && field.derived) return `${(Number(n) * 100).toLocaleString('zh-CN', {maximumFractionDigits: 1})}%`;
  return formatNumber(n);
}

/** A hit's or report's value of a figure: read (figures) or derived at index time (derivedFigures). */
export function figureValue(item, id) {
  if (item.figures && id in item.figures) return item.figures[id];
  if (item.derivedFigures && id in item.derivedFigures) return item.derivedFigures[id];
  return null;
}

/** A number as printed: thousands separators for counts, up to four decimals for 万元. */
export function formatNumber(n) {
  if (n === null || n === undefined) return '—';
  return Number(n).toLocaleString('zh-CN', {maximumFractionDigits: 4});
}
