// Text helpers of the web page: UTF-8 byte offsets to string indices, and
// text split into plain and marked runs. No DOM here, so Node tests import it.
//
// The API gives `begin`/`end` as byte offsets into a document's UTF-8 text
// (docs/report-schema.md); JavaScript strings index UTF-16 code units.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// Maps byte offsets of `text` (UTF-8) to string indices. Build it once per
// text and ask it many times; each lookup decodes the prefix once.
export class ByteIndex {
  constructor(text) {
    this.text = text;
    this.bytes = encoder.encode(text);
  }

  // The string index of byte offset `byte`, clamped to [0, text length]. An
  // offset inside a multi-byte character moves back to the character's start.
  toIndex(byte) {
    let b = Math.max(0, Math.min(Number(byte) || 0, this.bytes.length));
    while (b > 0 && b < this.bytes.length && (this.bytes[b] & 0xc0) === 0x80) b--;
    return decoder.decode(this.bytes.subarray(0, b)).length;
  }

  // [beginIndex, endIndex] of bytes [begin, end), or null when the range is
  // empty or reversed after clamping.
  range(begin, end) {
    const b = this.toIndex(begin);
    const e = this.toIndex(end);
    return e > b ? [b, e] : null;
  }
}

// The words of `text` between UTF-8 byte offsets `begin` and `end`.
export function sliceBytes(text, begin, end) {
  const r = new ByteIndex(text).range(begin, end);
  return r ? text.slice(r[0], r[1]) : '';
}

// Splits `text` into runs [{text, mark}] with the string ranges `ranges`
// ([[b, e], ...], string indices) marked. Overlapping ranges merge.
export function markRuns(text, ranges) {
  const sorted = ranges.filter((r) => r && r[1] > r[0]).map((r) => [...r]).sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push(r);
  }
  const runs = [];
  let pos = 0;
  for (const [b, e] of merged) {
    if (b > pos) runs.push({ text: text.slice(pos, b), mark: false });
    runs.push({ text: text.slice(b, e), mark: true });
    pos = e;
  }
  if (pos < text.length) runs.push({ text: text.slice(pos), mark: false });
  return runs;
}

// Splits a search snippet whose matches are wrapped in U+0002 ... U+0003
// into runs [{text, mark}]. Unbalanced marks end at the snippet's end.
export function snippetRuns(snippet) {
  const runs = [];
  let mark = false;
  let cur = '';
  for (const ch of String(snippet)) {
    if (ch === '\u0002' || ch === '\u0003') {
      if (cur) runs.push({ text: cur, mark });
      cur = '';
      mark = ch === '\u0002';
    } else {
      cur += ch;
    }
  }
  if (cur) runs.push({ text: cur, mark });
  return runs;
}

// Where `needle` occurs in `haystack` as [begin, end) string indices: exact
// first, then ignoring case and runs of white space; null when absent.
export function findWords(haystack, needle) {
  if (!needle) return null;
  const at = haystack.indexOf(needle);
  if (at >= 0) return [at, at + needle.length];
  const escaped = needle.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!escaped.length || !escaped[0]) return null;
  const m = new RegExp(escaped.join('\\s+'), 'iu').exec(haystack);
  return m ? [m.index, m.index + m[0].length] : null;
}
