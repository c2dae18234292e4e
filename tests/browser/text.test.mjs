// web/text.js in Node: UTF-8 byte offsets to string indices, marked runs,
// search snippets. Table-driven; each expected value is a compact string.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ByteIndex, findWords, markRuns, sliceBytes, snippetRuns } from '../../web/text.js';

const bracket = (runs) => runs.map((r) => (r.mark ? `[${r.text}]` : r.text)).join('');

test('sliceBytes reads UTF-8 byte offsets', () => {
  const cases = [
    // text, begin, end, want
    ['abc def', 4, 7, 'def'],
    ['Zoë said so.', 0, 4, 'Zo\u00eb'],  // ë is 2 bytes.
    ['Zoë said so.', 5, 9, 'said'],
    ['€5 and €6', 5, 8, 'and'],  // € is 3 bytes.
    ['ship 🚢 then words', 9, 14, ' then'],  // The emoji is 4 bytes, 2 UTF-16 units.
    ['🚢🚢x', 8, 9, 'x'],
    ['東京で会議', 6, 9, 'で'],
    ['Łódź', 0, 7, 'Łódź'],
    ['abc', 2, 99, 'c'],  // Clamped to the end.
    ['abc', 3, 1, ''],    // Reversed: nothing.
    ['Zoë', 3, 4, 'ë'],   // Starts inside ë: moves back to its start.
    ['Zoë!', 2, 3, ''],   // Ends inside ë: moves back to its start, so nothing.
    ['', 0, 0, ''],
  ];
  for (const [text, begin, end, want] of cases) {
    assert.equal(sliceBytes(text, begin, end), want, `${text} ${begin}..${end}`);
    // Where both offsets fall on character boundaries, Buffer agrees.
    const ref = Buffer.from(text).subarray(begin, end).toString();
    if (begin <= end && !ref.includes('\ufffd')) assert.equal(ref, want, 'the reference disagrees');
  }
});

test('ByteIndex maps every character boundary', () => {
  const text = 'aé€🚢b';
  const index = new ByteIndex(text);
  const want = [[0, 0], [1, 1], [3, 2], [6, 3], [10, 5], [11, 6]];
  for (const [byte, at] of want) assert.equal(index.toIndex(byte), at, `byte ${byte}`);
});

test('markRuns marks ranges and merges overlaps', () => {
  const cases = [
    ['one two three', [[4, 7]], 'one [two] three'],
    ['one two three', [[0, 3], [8, 13]], '[one] two [three]'],
    ['one two three', [[0, 5], [4, 7]], '[one two] three'],
    ['one two three', [], 'one two three'],
    ['one', [[1, 1]], 'one'],
  ];
  for (const [text, ranges, want] of cases) assert.equal(bracket(markRuns(text, ranges)), want);
});

test('snippetRuns reads U+0002 ... U+0003 marks', () => {
  const cases = [
    ['a \u0002crane\u0003 fell', 'a [crane] fell'],
    ['\u0002x\u0003\u0002y\u0003', '[x][y]'],
    ['open \u0002end', 'open [end]'],
    ['<b>no markup</b>', '<b>no markup</b>'],
  ];
  for (const [snippet, want] of cases) assert.equal(bracket(snippetRuns(snippet)), want);
});

test('findWords finds words, then ignores case and spacing', () => {
  const cases = [
    ['shares more than 4 miles of', 'more than 4 miles', '[more than 4 miles]'],
    ['shares More\u00a0than  4 miles', 'more than 4', '[More\u00a0than  4]'],
    ['a (b) c', '(b)', '[(b)]'],
    ['nothing here', 'absent', 'null'],
  ];
  for (const [hay, needle, want] of cases) {
    const at = findWords(hay, needle);
    assert.equal(at ? `[${hay.slice(at[0], at[1])}]` : 'null', want);
  }
});
