// The story page (#/story/ID): header, the cited brief, sources, the claims
// matrix, conflicts side by side, quotes by speaker and cited sources.
import { getJson } from './api.js';
import { el, runsToNodes } from './dom.js';
import { badge, baseName, conflictsBadge, documentHref, formatDate, formatTime, plural, sourceName } from './format.js';
import { storySummaries } from './list.js';
import { findWords, markRuns } from './text.js';

// Numbers the story's sources [1]..[n] in story order and maps each source
// string (as the story object uses them) to its row of `sources`.
class Sources {
  constructor(story) {
    const given = new Map((story.sources || []).map((s) => [s.document, s]));
    this.list = (story.documents || []).map((doc, i) => ({ id: null, ...(given.get(doc) || {}), document: doc, n: i + 1 }));
    for (const s of story.sources || []) {
      if (!this.list.some((x) => x.document === s.document)) this.list.push({ ...s, n: this.list.length + 1 });
    }
    this.byDoc = new Map(this.list.map((s) => [s.document, s]));
  }

  get(doc) {
    return this.byDoc.get(doc) || null;
  }

  name(doc) {
    const s = this.get(doc);
    return s ? sourceName(s) : baseName(doc);
  }

  // A citation [n] to `doc`, opening its page at bytes begin..end when given.
  cite(doc, begin, end) {
    const s = this.get(doc);
    const label = `[${s ? s.n : '?'}]`;
    if (!s || s.id === null || s.id === undefined) return el('span', { class: 'cite', title: doc, 'data-source': doc }, label);
    return el('a', {
      class: 'cite', href: documentHref(s.id, begin, end), title: this.name(doc),
      'data-source': doc, 'data-document': s.id, 'data-begin': begin, 'data-end': end,
    }, label);
  }

  // Citations for a list of source strings, in source order.
  cites(docs) {
    return [...new Set(docs)].map((d) => this.get(d) || { n: Infinity, document: d })
      .sort((a, b) => a.n - b.n).map((s) => this.cite(s.document));
  }
}

function section(id, title, ...kids) {
  return el('section', { class: 'part', id: `part-${id}`, 'aria-labelledby': `h-${id}` },
    el('h2', { id: `h-${id}` }, title), kids);
}

function header(story, sources) {
  const n = (story.documents || []).length;
  const updated = story.updated_at || storySummaries.get(String(story.id))?.updated_at;
  return el('header', { class: 'story-head' },
    el('p', { class: 'crumbs' }, el('a', { href: '#/' }, '← Stories')),
    el('h1', null, story.title || `Story ${story.id}`),
    el('div', { class: 'meta' },
      el('span', null, plural(n, 'source')),
      (story.languages || []).length ? el('span', null, `languages: ${story.languages.join(', ')}`) : null,
      conflictsBadge((story.conflicts || []).length),
      updated ? el('span', null, 'updated ', el('time', { datetime: updated }, formatTime(updated))) : null,
      story.central ? el('span', null, 'central report ', sources.cite(story.central)) : null));
}

function sectionNav(parts) {
  const nav = el('nav', { class: 'toc', 'aria-label': 'Sections' });
  for (const [id, label] of parts) {
    const b = el('button', { type: 'button' }, label);
    b.addEventListener('click', () => document.getElementById(`part-${id}`)?.scrollIntoView({ behavior: 'smooth' }));
    nav.append(b);
  }
  return nav;
}

function brief(story, sources) {
  const items = (story.brief || []).map((b) => {
    const spans = [...(b.spans || [])].sort((x, y) => (sources.get(x.document)?.n ?? 1e9) - (sources.get(y.document)?.n ?? 1e9));
    return el('li', { 'data-claim': b.claim },
      el('span', { class: 'brief-text' }, b.text),
      el('span', { class: 'cites' }, spans.map((sp) => sources.cite(sp.document, sp.begin, sp.end))));
  });
  return section('brief', 'Brief',
    el('p', { class: 'muted' }, 'What two or more independent sources agree on. Each number opens that source at the cited words.'),
    items.length ? el('ol', { class: 'brief' }, items) : el('p', { class: 'muted' }, 'No sentence is carried by two sources.'));
}

function yes(flag) {
  return flag ? 'yes' : '';
}

function sourcesTable(story, sources) {
  const notes = new Map((story.notes || []).map((n) => [n.document, n]));
  const rows = sources.list.map((s) => {
    const note = notes.get(s.document) || {};
    const dup = s.duplicate_of ?? note.duplicate_of ?? null;
    const mt = s.machine_translated ?? note.machine_translated ?? false;
    return el('tr', { 'data-document': s.id },
      el('td', { class: 'num' }, String(s.n)),
      el('td', null,
        el('div', { class: 'src-name' }, sourceName(s)),
        s.title ? el('div', { class: 'muted small' }, s.title) : null,
        s.outlet ? el('div', { class: 'muted small' }, baseName(s.document)) : null),
      el('td', null, s.language || ''),
      el('td', { class: 'nowrap' }, formatDate(s.published)),
      el('td', null, dup ? [sources.cite(dup), ' ', sources.name(dup)] : ''),
      el('td', null, mt ? badge('machine-translated', 'warn') : ''),
      el('td', { class: 'num' }, s.removed === undefined ? '' : String(s.removed)),
      el('td', { class: 'num', title: 'claims only this source carries' }, note.adds ? String(note.adds.length) : ''),
      el('td', { class: 'num', title: 'claims most other sources carry and this one does not' }, note.omits ? String(note.omits.length) : ''),
      el('td', null, s.id !== null && s.id !== undefined ? el('a', { href: documentHref(s.id) }, 'open') : ''));
  });
  const head = ['#', 'Source', 'Language', 'Date', 'Copy of', 'Translated', 'Lines removed', 'Adds', 'Omits', ''];
  return section('sources', 'Sources',
    el('div', { class: 'scroll' },
      el('table', { class: 'sources' },
        el('thead', null, el('tr', null, head.map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', null, rows))));
}

// The cells of the claims matrix, by claim id then source string:
// 'supports' or 'contradicts' (absent: silent). The rule:
// - contradicts: the claim is "conflicting", a conflict lists it in `claims`,
//   the claim's own words state one side of that conflict, and the source
//   states the other side's value. The claim's words are its first span
//   (`claims[].text` is that sentence; report/report.cc lists the
//   representative first); a side lies in them when it has that span's
//   document and its begin..end falls inside the span. A conflict's sides
//   are two classes of compatible values, and only its first two sides are
//   known to be one of each (crosscheck/conflicts.cc puts the disagreeing
//   pair first); a side belongs to a class when its normalised value is
//   that side's value. So "about 12 km" beside "12 km" or "about 7.5 mi"
//   (the same length) is never taken for a contradiction: a side of
//   unknown class marks nothing. This wins over "supports": a source whose
//   aligned sentence gives the other value does not support the claim as
//   worded.
// - supports: otherwise, when the claim's `documents` include the source.
// - silent: otherwise. A conflict whose sides all lie outside the claim's
//   words (the claim is conflicting because sentences aligned with it
//   disagree on a figure it does not state) marks no cell; the Conflicts
//   section shows it.
export function claimCells(story) {
  const cells = new Map();
  for (const claim of story.claims || []) {
    const row = new Map();
    for (const d of claim.documents || []) row.set(d, 'supports');
    const own = (claim.spans || [])[0];
    if (claim.status === 'conflicting' && own) {
      for (const conflict of story.conflicts || []) {
        const sides = conflict.sides || [];
        if (!(conflict.claims || []).includes(claim.id) || sides.length < 2) continue;
        const classOf = (side) => [0, 1].find((k) => side === sides[k] || side.value === sides[k].value) ?? -1;
        const inside = sides.find((s) => s.document === own.document && s.begin >= own.begin && s.end <= own.end);
        const k = inside ? classOf(inside) : -1;
        if (k < 0) continue;
        for (const side of sides) {
          if (classOf(side) === 1 - k) row.set(side.document, 'contradicts');
        }
      }
    }
    cells.set(claim.id, row);
  }
  return cells;
}

function claimsMatrix(story, sources) {
  const cells = claimCells(story);
  const spanOf = (claim, doc) => (claim.spans || []).find((s) => s.document === doc);
  const sideOf = (claim, doc) => {
    for (const c of story.conflicts || []) {
      if (!(c.claims || []).includes(claim.id)) continue;
      const side = (c.sides || []).find((s) => s.document === doc);
      if (side) return side;
    }
    return null;
  };
  const cell = (claim, s) => {
    const state = cells.get(claim.id)?.get(s.document) || 'silent';
    const label = { supports: '✓', contradicts: '✗', silent: '·' }[state];
    const where = state === 'contradicts' ? sideOf(claim, s.document) : spanOf(claim, s.document);
    const tip = `${sourceName(s)} ${state === 'silent' ? 'is silent on' : state} this claim`;
    const inner = where && s.id !== null && s.id !== undefined
      ? el('a', { href: documentHref(s.id, where.begin, where.end), 'aria-label': tip }, label)
      : el('span', { 'aria-label': tip }, label);
    return el('td', { class: `cell ${state}`, title: tip, 'data-state': state }, inner);
  };
  const rows = (story.claims || []).map((claim) => el('tr', { 'data-status': claim.status, 'data-claim': claim.id },
    el('th', { scope: 'row', class: 'claim-text' },
      el('span', null, claim.text),
      el('span', { class: 'claim-meta' },
        badge(claim.status, claim.status), claim.detail ? badge('detail', 'quiet') : null,
        ` ${plural(Number(claim.sources) || 0, 'independent source')}`)),
    sources.list.map((s) => cell(claim, s))));
  const table = el('table', { class: 'matrix' },
    el('thead', null, el('tr', null,
      el('th', { scope: 'col', class: 'claim-text' }, 'Claim'),
      sources.list.map((s) => el('th', { scope: 'col', class: 'src-col', title: sourceName(s) },
        el('span', null, String(s.n)), el('span', { class: 'src-col-name' }, sourceName(s)))))),
    el('tbody', null, rows));
  const counts = {};
  for (const c of story.claims || []) counts[c.status] = (counts[c.status] || 0) + 1;
  const filter = el('select', { 'aria-label': 'Show claims' },
    el('option', { value: '' }, `all (${(story.claims || []).length})`),
    ['corroborated', 'conflicting', 'single-source'].filter((k) => counts[k])
      .map((k) => el('option', { value: k }, `${k} (${counts[k]})`)));
  filter.addEventListener('change', () => {
    for (const tr of table.tBodies[0].rows) tr.hidden = !!filter.value && tr.dataset.status !== filter.value;
  });
  return section('claims', 'Claims by source',
    el('div', { class: 'legend' },
      el('span', null, el('span', { class: 'cell supports' }, '✓'), ' supports'),
      el('span', null, el('span', { class: 'cell contradicts' }, '✗'), ' contradicts (gives another value than the claim’s words)'),
      el('span', null, el('span', { class: 'cell silent' }, '·'), ' silent'),
      el('label', { class: 'filter' }, 'Show ', filter)),
    el('div', { class: 'scroll matrix-wrap' }, table));
}

// `text` with each source string in it replaced by its name and citation.
function withSourceNames(text, sources) {
  const docs = sources.list.map((s) => s.document).filter(Boolean).sort((a, b) => b.length - a.length);
  const out = [];
  let rest = String(text || '');
  while (rest) {
    let best = -1;
    let which = null;
    for (const d of docs) {
      const at = rest.indexOf(d);
      if (at >= 0 && (best < 0 || at < best)) {
        best = at;
        which = d;
      }
    }
    if (best < 0) {
      out.push(rest);
      break;
    }
    out.push(rest.slice(0, best), el('strong', null, sources.name(which)), ' ', sources.cite(which));
    rest = rest.slice(best + which.length);
  }
  return out;
}

function conflictSide(side, sources) {
  const s = sources.get(side.document);
  const sentence = side.sentence || side.text || '';
  const at = findWords(sentence, side.text);
  return el('div', { class: 'side', 'data-source': side.document, 'data-document': s ? s.id : null },
    el('div', { class: 'side-head' }, sources.cite(side.document, side.begin, side.end), ' ',
      el('strong', null, sources.name(side.document))),
    el('p', { class: 'sentence' }, at ? runsToNodes(markRuns(sentence, [at])) : [sentence, ' ', el('mark', null, side.text)]),
    el('p', { class: 'value' }, 'Value: ', el('strong', { class: 'side-value' }, side.value || side.text)),
    s && s.id !== null && s.id !== undefined
      ? el('a', { class: 'small', href: documentHref(s.id, side.begin, side.end) }, 'Open in the source →') : null);
}

function conflicts(story, sources) {
  const list = story.conflicts || [];
  return section('conflicts', `Conflicts (${list.length})`,
    list.length ? list.map((c) => el('article', { class: 'conflict', 'data-kind': c.kind, 'data-about': c.about },
      el('h3', null, badge(c.kind, 'bad'), ' ', c.about),
      el('div', { class: 'sides' }, (c.sides || []).map((side) => conflictSide(side, sources))),
      el('p', { class: 'explanation' }, withSourceNames(c.explanation, sources))))
      : el('p', { class: 'muted' }, 'The sources do not contradict each other on any figure, date or actor found.'));
}

function quotes(story, sources) {
  const bySpeaker = new Map();
  for (const q of story.quotes || []) {
    const who = q.speaker || 'Unattributed';
    if (!bySpeaker.has(who)) bySpeaker.set(who, []);
    bySpeaker.get(who).push(q);
  }
  return section('quotes', 'Quotes by speaker',
    bySpeaker.size ? [...bySpeaker].map(([who, qs]) => el('div', { class: 'speaker' },
      el('h3', null, who, ' ', el('span', { class: 'muted small' }, plural(qs.length, 'quote'))),
      qs.map((q) => el('blockquote', null, el('p', null, `“${q.text}”`),
        el('footer', { class: 'cites' }, '— in ', sources.cites(q.documents || []))))))
      : el('p', { class: 'muted' }, 'No quotes found.'));
}

function citations(story, sources) {
  const list = story.citations || [];
  if (!list.length) return null;
  return section('citations', 'Sources they cite',
    el('ul', { class: 'citations' }, list.map((c) => el('li', null, el('strong', null, c.source_name),
      el('span', { class: 'muted' }, ` cited by ${plural((c.documents || []).length, 'source')} `),
      el('span', { class: 'cites' }, sources.cites(c.documents || []))))));
}

// Renders story `id`; returns {title, node}.
export async function renderStory(id) {
  const story = await getJson(`/api/stories/${encodeURIComponent(id)}`);
  const sources = new Sources(story);
  const node = el('div', { class: 'story', 'data-story': story.id },
    header(story, sources),
    sectionNav([['brief', 'Brief'], ['conflicts', 'Conflicts'], ['sources', 'Sources'], ['claims', 'Claims'],
      ['quotes', 'Quotes']]),
    brief(story, sources),
    conflicts(story, sources),
    sourcesTable(story, sources),
    claimsMatrix(story, sources),
    quotes(story, sources),
    citations(story, sources));
  return { title: story.title || `Story ${id}`, node };
}
