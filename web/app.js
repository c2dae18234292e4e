// The rashomon web page: a hash router over three views.
//   #/                          story list (#/?q=words&offset=N)
//   #/story/ID                  a story: brief, sources, claims, conflicts, quotes
//   #/document/ID?begin=B&end=E a document, bytes B..E of its text marked
// Plain ES modules, no build step, nothing from the network (the server's
// Content-Security-Policy allows only this origin, and no inline code).
import { el, replace } from './dom.js';
import { renderList } from './list.js';
import { renderStory } from './story.js';
import { renderDocument } from './document.js';

const app = document.getElementById('app');
let generation = 0;  // Renders of an older route are dropped.

function parseHash() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const at = hash.indexOf('?');
  let path = at < 0 ? hash : hash.slice(0, at);
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: the path stays as typed and matches no route.
  }
  const params = new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
  return { path, params };
}

function errorView(err) {
  return el('div', { class: 'error', role: 'alert' },
    el('strong', null, 'Could not load this page. '), String(err && err.message || err));
}

async function route() {
  const mine = ++generation;
  const { path, params } = parseHash();
  const searchBox = document.getElementById('search-q');
  if (searchBox && document.activeElement !== searchBox) searchBox.value = path === '/' ? params.get('q') || '' : '';
  let m;
  let view;
  try {
    app.setAttribute('aria-busy', 'true');
    if (path === '/' || path === '') view = await renderList(params);
    else if ((m = /^\/story\/(\d+)$/.exec(path))) view = await renderStory(m[1], params);
    else if ((m = /^\/document\/(\d+)$/.exec(path))) view = await renderDocument(m[1], params);
    else view = { title: 'Not found', node: errorView(new Error(`No page at #${path}.`)) };
  } catch (err) {
    view = { title: 'Error', node: errorView(err) };
  }
  if (mine !== generation) return;
  document.title = view.title ? `${view.title} · rashomon` : 'rashomon';
  replace(app, view.node);
  app.removeAttribute('aria-busy');
  app.dataset.rendered = location.hash || '#/';  // Tests wait for it.
  if (view.after) view.after();
  else window.scrollTo(0, 0);
}

document.getElementById('search').addEventListener('submit', (e) => {
  e.preventDefault();
  const q = document.getElementById('search-q').value.trim();
  location.hash = q ? `#/?q=${encodeURIComponent(q)}` : '#/';
});
window.addEventListener('hashchange', route);
route();
