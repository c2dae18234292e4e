// DOM building for the web page. Every node is made with createElement and
// every piece of data goes in as a text node: nothing here parses HTML, so a
// page's `<script>` or `onerror=` stays text (issue 6, security).

// An element `tag` with attributes `attrs` and children `kids` (nodes,
// strings, numbers, arrays of those; null and false are skipped).
// Attributes named on* and style are refused: handlers are attached with
// addEventListener, and the Content-Security-Policy forbids inline styles.
export function el(tag, attrs, ...kids) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (/^on/i.test(name) || name === 'style') throw new Error(`el: attribute ${name} refused`);
    if (name === 'class') node.className = value;
    else if (name === 'href') node.setAttribute('href', safeHref(value));
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, kids);
  return node;
}

// Appends `kids` (see el) to `node`.
export function append(node, kids) {
  for (const kid of [kids].flat(Infinity)) {
    if (kid === null || kid === undefined || kid === false) continue;
    node.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return node;
}

// `href` when it is a link within the page (#...) or an http(s) address;
// otherwise '#' (a javascript: or data: URL in a document's metadata is never
// made a link).
export function safeHref(href) {
  const s = String(href);
  if (s.startsWith('#')) return s;
  try {
    const u = new URL(s);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
  } catch {
    // Not an absolute URL: fall through.
  }
  return '#';
}

// Runs [{text, mark}] as text nodes and <mark> elements.
export function runsToNodes(runs) {
  return runs.map((r) => (r.mark ? el('mark', null, r.text) : document.createTextNode(r.text)));
}

// Replaces the children of `node` with `kids`.
export function replace(node, ...kids) {
  node.replaceChildren();
  return append(node, kids);
}
