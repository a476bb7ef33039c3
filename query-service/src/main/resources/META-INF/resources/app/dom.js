// Small DOM helpers: every text goes in as text (textContent), never as HTML.

/** An element with attributes (class, href, ... ; on* as listeners) and children (nodes or strings, as text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else if (name in node && typeof value !== 'string') node[name] = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) { // lists of lists too (a separator and a link per item)
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** The server-escaped highlight: HTML-escaped text in which only <mark> was added. */
export function highlighted(html) {
  const span = el('span', { class: 'text' });
  span.innerHTML = html;
  return span;
}

/** 01:02:03 from milliseconds. */
export function clock(ms) {
  if (ms === null || ms === undefined) return '--:--:--';
  const s = Math.floor(ms / 1000);
  return [Math.floor(s / 3600), Math.floor(s / 60) % 60, s % 60].map(n => String(n).padStart(2, '0')).join(':');
}

/** A date as the reader's locale writes it (the day, UTC). */
export function day(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** The page's main landmark, emptied, with a new title. */
export function page(title, ...children) {
  document.title = title ? title + ' · podsearch' : 'podsearch';
  const main = document.getElementById('main');
  main.replaceChildren(...children);
  return main;
}

/** The link to an episode's page at a moment. */
export function episodeHref(id, ms) {
  const at = ms === null || ms === undefined ? '' : '?t=' + Math.floor(ms / 1000);
  return '/episodes/' + encodeURIComponent(id) + at;
}
