// The document page (#/document/ID?begin=B&end=E): metadata, the article text
// with bytes B..E marked and scrolled to, and the original with each removed
// line struck through and its reason.
import { getJson } from './api.js';
import { append, el, runsToNodes } from './dom.js';
import { badge, formatDate, plural } from './format.js';
import { ByteIndex, findWords, markRuns } from './text.js';

function intParam(params, name) {
  const v = params.get(name);
  return v !== null && /^\d+$/.test(v) ? Number(v) : null;
}

function metaList(doc) {
  const rows = [
    ['Outlet', doc.outlet],
    ['Source', doc.source],
    ['Address', doc.url ? el('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, doc.url) : ''],
    ['Published', formatDate(doc.published)],
    ['Authors', (doc.authors || []).join(', ')],
    ['Language', doc.language],
    ['Format', doc.format],
    ['Stories', (doc.stories || []).map((s, i) => [i ? ', ' : '', el('a', { href: `#/story/${encodeURIComponent(s)}` }, `story ${s}`)])],
    // Near-copies anywhere in the database (stored MinHash signatures).
    ['Copies', (doc.copies || []).map((c, i) => [
      i ? ', ' : '',
      c.copies ? 'copies ' : 'copied by ',
      el('a', { href: `#/document/${encodeURIComponent(c.id)}` }, `document ${c.id}`),
      ` (${Math.round(Number(c.jaccard) * 100)} %)`,
    ])],
  ].filter(([, v]) => v && (!Array.isArray(v) || v.length));
  return el('dl', { class: 'docmeta' }, rows.map(([k, v]) => [el('dt', null, k), el('dd', null, v)]));
}

// The article text with bytes begin..end marked (<mark id="cited">).
function articleText(doc, begin, end) {
  const text = doc.text || '';
  const range = begin !== null && end !== null ? new ByteIndex(text).range(begin, end) : null;
  const runs = markRuns(text, range ? [range] : []);
  const nodes = runsToNodes(runs);
  const mark = nodes.find((n) => n.nodeName === 'MARK');
  if (mark) mark.id = 'cited';
  return { node: el('div', { class: 'doctext', lang: doc.language || null }, nodes), mark };
}

// The removed entries of `doc` by the raw line they name (1-based); those with
// no line (0, e.g. page furniture dropped while extracting an HTML page, which
// is not among its extracted lines) or a line past the end go to `unplaced`.
function removedByLine(doc, lineCount) {
  const byLine = new Map();
  const unplaced = [];
  for (const r of doc.removed || []) {
    const line = Number(r.line) || 0;
    if (line < 1 || line > lineCount) {
      unplaced.push(r);
      continue;
    }
    if (!byLine.has(line)) byLine.set(line, []);
    byLine.get(line).push(r);
  }
  return { byLine, unplaced };
}

function reasonBadge(r) {
  return badge(r.rule && r.rule !== r.reason ? `${r.reason} · ${r.rule}` : r.reason, 'reason');
}

// One raw line: its removed parts in <del> (the whole line when the removed
// text is not found in it: the line number is the authority) and the reasons.
function rawLine(number, line, removed) {
  const li = el('li', { value: number, 'data-line': number });
  if (!removed) {
    li.append(line || '\u00a0');
    return li;
  }
  li.className = 'removed';
  const spans = removed.map((r) => findWords(line, (r.text || '').trim()));
  if (spans.some((s) => !s)) {
    li.append(el('del', null, line || '\u00a0'));
  } else {
    for (const run of markRuns(line, spans)) li.append(run.mark ? el('del', null, run.text) : run.text);
  }
  append(li, [' ', removed.map(reasonBadge)]);
  return li;
}

function original(doc) {
  const raw = String(doc.raw ?? '');
  const lines = raw.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const { byLine, unplaced } = removedByLine(doc, lines.length);
  const kids = [
    el('p', { class: 'muted' },
      'The document as stored (a web page as its extracted lines); struck-through lines were removed from the article, with the reason. ',
      `${plural((doc.removed || []).length, 'line')} removed.`),
    // Blank lines are left out (the list keeps each line's number).
    el('ol', { class: 'raw' }, lines.map((line, i) =>
      (line.trim() || byLine.has(i + 1) ? rawLine(i + 1, line, byLine.get(i + 1)) : null))),
  ];
  if (unplaced.length) {
    kids.push(el('h3', null, 'Removed while extracting the page'),
      el('ul', { class: 'raw unplaced' }, unplaced.map((r) => el('li', { class: 'removed' },
        el('del', null, r.text), ' ', reasonBadge(r)))));
  }
  return el('section', { class: 'part', id: 'part-original' }, el('h2', null, 'Original'), kids);
}

// Renders document `id`; returns {title, node, after}.
export async function renderDocument(id, params) {
  const doc = await getJson(`/api/documents/${encodeURIComponent(id)}`);
  const begin = intParam(params, 'begin');
  const end = intParam(params, 'end');
  const { node: text, mark } = articleText(doc, begin, end);
  const back = el('button', { type: 'button', class: 'linkish' }, '← Back');
  back.addEventListener('click', () => (history.length > 1 ? history.back() : (location.hash = '#/')));
  const node = el('div', { class: 'document', 'data-document': doc.id },
    el('header', { class: 'story-head' },
      el('p', { class: 'crumbs' }, back),
      el('h1', null, doc.title || doc.source || `Document ${doc.id}`),
      metaList(doc)),
    el('div', { class: 'doc-columns' },
      el('section', { class: 'part', id: 'part-text' },
        el('h2', null, 'Article text'),
        mark ? el('p', { class: 'muted' }, 'The cited words are highlighted.') : null,
        begin !== null && !mark ? el('p', { class: 'error' }, `No words at bytes ${begin}–${end} of this text.`) : null,
        text),
      original(doc)));
  return {
    title: doc.title || doc.source,
    node,
    after: () => (mark ? mark.scrollIntoView({ block: 'center' }) : window.scrollTo(0, 0)),
  };
}
