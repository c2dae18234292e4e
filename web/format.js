// Shared pieces of the views: names, dates, links, badges.
import { el } from './dom.js';

// "2025-06-09T10:31:00.123Z" -> "2025-06-09 10:31 UTC"; other strings as given.
export function formatTime(iso) {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(String(iso || ''));
  return m ? `${m[1]} ${m[2]} UTC` : String(iso || '');
}

// "2025-06-09T10:31:00+02:00" -> "2025-06-09"; empty stays empty.
export function formatDate(iso) {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(String(iso || ''));
  return m ? m[1] : String(iso || '');
}

// The last part of a path-like source ("dir/a.txt" -> "a.txt", "x.warc.gz#3" stays).
export function baseName(source) {
  const s = String(source || '');
  const cut = s.replace(/[/\\]+$/, '').split(/[/\\]/).pop();
  return cut || s;
}

// How a source is named in the page: its outlet, else its file name.
export function sourceName(src) {
  return (src && (src.outlet || baseName(src.document || src.source))) || '?';
}

// The hash of a document page, with a byte span when given.
export function documentHref(id, begin, end) {
  const span = Number.isInteger(begin) && Number.isInteger(end) && end > begin ? `?begin=${begin}&end=${end}` : '';
  return `#/document/${encodeURIComponent(id)}${span}`;
}

export function badge(text, kind) {
  return el('span', { class: `badge ${kind || ''}`.trim() }, text);
}

export function conflictsBadge(n) {
  return n > 0 ? badge(`${n} conflict${n === 1 ? '' : 's'}`, 'bad') : badge('no conflicts', 'quiet');
}

export function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
