// The story list (#/?q=words&offset=N): stories, most recently updated first,
// and with a query the documents matching it, their matched words marked.
import { getJson } from './api.js';
import { el, runsToNodes } from './dom.js';
import { conflictsBadge, documentHref, formatTime, plural } from './format.js';
import { snippetRuns } from './text.js';

const kPageSize = 20;

// Summaries of the stories listed so far, by id: the story object of
// GET /api/stories/{id} has no `updated_at`, so the story page takes it here.
export const storySummaries = new Map();

function storyItem(s) {
  const langs = (s.languages || []).join(', ');
  return el('li', { class: 'story-item', 'data-story': s.id, 'data-documents': s.documents },
    el('a', { class: 'story-title', href: `#/story/${encodeURIComponent(s.id)}` }, s.title || `Story ${s.id}`),
    el('div', { class: 'meta' },
      el('span', null, plural(Number(s.documents) || 0, 'source')),
      langs ? el('span', null, langs) : null,
      conflictsBadge(Number(s.conflicts) || 0),
      s.updated_at ? el('span', null, 'updated ', el('time', { datetime: s.updated_at }, formatTime(s.updated_at))) : null));
}

function pager(q, offset, count) {
  const link = (label, to) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (to > 0) params.set('offset', String(to));
    const qs = params.toString();
    return el('a', { class: 'button', href: qs ? `#/?${qs}` : '#/' }, label);
  };
  if (offset === 0 && count < kPageSize) return null;
  return el('nav', { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 ? link('← Newer', Math.max(0, offset - kPageSize)) : null,
    el('span', { class: 'muted' }, `${offset + 1}–${offset + count}`),
    count === kPageSize ? link('Older →', offset + kPageSize) : null);
}

function hitItem(h) {
  return el('li', { class: 'hit' },
    el('a', { href: documentHref(h.document_id) }, h.title || `Document ${h.document_id}`),
    el('p', { class: 'snippet' }, runsToNodes(snippetRuns(h.snippet || ''))));
}

// Renders the list; returns {title, node}.
export async function renderList(params) {
  const q = (params.get('q') || '').trim();
  const offset = Math.max(0, Number.parseInt(params.get('offset') || '0', 10) || 0);
  // With a query, a malformed one (400) is shown beside the search box's
  // syntax rather than replacing the page.
  const [stories, search] = await Promise.all([
    getJson('/api/stories', { limit: kPageSize, offset, q }).catch((e) => {
      if (!q || e.status !== 400) throw e;
      return { error: e };
    }),
    q ? getJson('/api/search', { q }).catch((e) => ({ error: e })) : null,
  ]);
  const list = stories.stories || [];
  for (const s of list) storySummaries.set(String(s.id), s);
  const node = el('section', { class: 'list' },
    el('h1', null, q ? `Stories matching “${q}”` : 'Stories'),
    stories.error
      ? el('p', { class: 'error', role: 'alert' }, `${stories.error.message}. Search takes words, "a phrase", prefix* and AND/OR/NOT.`)
      : list.length
        ? el('ol', { class: 'stories' }, list.map(storyItem))
        : el('p', { class: 'muted empty' }, q ? 'No story matches.' : 'No stories yet: ingest some reports first.'),
    pager(q, offset, list.length));
  if (stories.error) return { title: `“${q}”`, node };
  if (search) {
    const hits = search.hits || [];
    node.append(el('h2', null, 'Documents'),
      search.error
        ? el('p', { class: 'error', role: 'alert' }, search.error.message)
        : hits.length ? el('ol', { class: 'hits' }, hits.map(hitItem)) : el('p', { class: 'muted' }, 'No document matches.'));
  }
  return { title: q ? `“${q}”` : 'Stories', node };
}
