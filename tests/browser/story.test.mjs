// The seed story in the browser: stored with `rashomon ingest`, served by
// `rashomon serve`, opened in headless Chromium. The expected conflict comes
// from ../shared/corpus/seeds/gold.json, read here; no seed text is written
// in this file. Screenshots go to RSH_ARTIFACT_DIR.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { bytesSlice, getJson, launch, open, rendered, screenshot, serve, sharedDir, tempDir, watch } from './lib.mjs';

const seeds = path.join(sharedDir, 'corpus', 'seeds');
// Like the C++ tests, these skip when ../shared is not beside the checkout.
const haveSeeds = fs.existsSync(path.join(seeds, 'gold.json'));
const gold = haveSeeds ? JSON.parse(fs.readFileSync(path.join(seeds, 'gold.json'), 'utf8')) : null;
const opts = { skip: haveSeeds ? false : `no ${seeds}/gold.json` };

let server;
let context;
let page;
let seen;

before(async () => {
  if (!haveSeeds) return;
  server = await serve(tempDir('seeds'), [seeds]);
  context = await launch();
  page = await context.newPage();
  seen = watch(page, server.url);
});

after(async () => {
  await context?.close();
  await server?.stop();
});

// Whether a story's source string names the gold file `name`.
const isDoc = (source, name) => path.basename(String(source)) === name;

// The story page's conflicts as shown: kind, explanation, and each side's
// source, marked words, value and box.
function shownConflicts() {
  return page.$$eval('article.conflict', (arts) => arts.map((a) => ({
    kind: a.dataset.kind,
    explanation: a.querySelector('.explanation')?.textContent.trim() ?? '',
    sides: [...a.querySelectorAll('.side')].map((s) => {
      const box = s.getBoundingClientRect();
      return {
        source: s.dataset.source,
        sentence: s.querySelector('.sentence')?.textContent ?? '',
        marked: [...s.querySelectorAll('.sentence mark')].map((m) => m.textContent),
        value: s.querySelector('.side-value')?.textContent.trim() ?? '',
        top: box.top,
        left: box.left,
      };
    }),
  })));
}

// The shown conflict with a side for each side of gold conflict `g`: same
// file, and marked words that contain the gold words or lie within them.
function findGold(conflicts, g) {
  for (const c of conflicts) {
    const sides = g.sides.map((gs) => c.sides.find((s) => isDoc(s.source, gs.doc) &&
      s.marked.some((m) => m && (gs.text.includes(m) || m.includes(gs.text)))));
    if (sides.every(Boolean)) return { conflict: c, sides };
  }
  return null;
}

let storyId;

test('the story list opens the largest story', opts, async () => {
  await open(page, server.url, '#/');
  const items = await page.$$eval('li.story-item', (lis) =>
    lis.map((li) => ({ id: li.dataset.story, documents: Number(li.dataset.documents) })));
  assert.ok(items.length > 0, 'no story listed');
  const largest = items.reduce((a, b) => (b.documents > a.documents ? b : a));
  assert.equal(largest.documents, gold.story_clusters[0].length);
  await page.click(`li.story-item[data-story="${largest.id}"] a.story-title`);
  await rendered(page);
  assert.match(page.url(), new RegExp(`#/story/${largest.id}$`));
  storyId = largest.id;
});

test('the border-length conflict is shown with both sides, side by side on a laptop', opts, async () => {
  const wanted = gold.conflicts.filter((c) => c.kind === 'quantity');
  assert.ok(wanted.length > 0, 'gold.json has no quantity conflict');
  const conflicts = await shownConflicts();
  for (const g of wanted) {
    const found = findGold(conflicts, g);
    assert.ok(found, `conflict "${g.about}" not shown with both sides: ${JSON.stringify(conflicts, null, 1)}`);
    for (const side of found.sides) {
      assert.ok(side.value, 'a side without its value');
      assert.ok(side.marked.every((m) => side.sentence.includes(m)));
    }
    assert.ok(found.conflict.explanation.length > 0, 'no explanation');
    const [a, b] = found.sides;
    assert.equal(Math.round(a.top), Math.round(b.top), 'the sides are not side by side at 1366 px');
    assert.notEqual(a.left, b.left);
  }
  await page.locator('article.conflict').first().scrollIntoViewIfNeeded();
  await screenshot(page, 'story-laptop');
});

test('on a phone the sides stack and nothing overflows the page', opts, async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    const found = findGold(await shownConflicts(), gold.conflicts.find((c) => c.kind === 'quantity'));
    assert.ok(found);
    assert.ok(found.sides[1].top > found.sides[0].top, 'the sides do not stack at 390 px');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the phone screen`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'story-phone');
    await page.locator('article.conflict').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'story-phone-conflict');
  } finally {
    await page.setViewportSize({ width: 1366, height: 768 });
  }
});

test('the claims matrix has a row per claim and a column per source', opts, async () => {
  const story = await getJson(server.url, `/api/stories/${storyId}`);
  const rows = await page.$$eval('table.matrix tbody tr', (trs) => trs.map((tr) => tr.querySelectorAll('td.cell').length));
  assert.equal(rows.length, story.claims.length);
  for (const cells of rows) assert.equal(cells, story.documents.length);
  const supports = await page.locator('table.matrix td.cell.supports').count();
  assert.ok(supports > 0);
});

test('a citation in the brief opens the document with the cited words marked', opts, async () => {
  const story = await getJson(server.url, `/api/stories/${storyId}`);
  assert.ok(story.brief.length > 0, 'empty brief');
  const b = story.brief[0];
  const links = page.locator('ol.brief > li').first().locator('a.cite');
  let index = -1;
  for (let i = 0; i < (await links.count()); i++) {
    const l = links.nth(i);
    if ((await l.getAttribute('data-source')) === b.document &&
        Number(await l.getAttribute('data-begin')) === b.begin) index = i;
  }
  assert.ok(index >= 0, `no citation of ${b.document} in the first brief sentence`);
  const id = await links.nth(index).getAttribute('data-document');
  await links.nth(index).click();
  await rendered(page);
  assert.match(page.url(), new RegExp(`#/document/${id}\\?begin=${b.begin}&end=${b.end}$`));
  const doc = await getJson(server.url, `/api/documents/${id}`);
  const mark = page.locator('main mark#cited');
  assert.equal(await mark.count(), 1);
  assert.equal(await mark.textContent(), b.text, 'the marked words are not the brief sentence');
  assert.equal(b.text, bytesSlice(doc.text, b.begin, b.end));
  assert.ok(await mark.isVisible());
  const box = await mark.boundingBox();
  assert.ok(box.y >= 0 && box.y < 768, 'the page is not scrolled to the cited words');
  await screenshot(page, 'document');

  // The original: each removed line with its number is struck through, with its reason.
  for (const r of doc.removed.filter((x) => x.line > 0)) {
    const li = page.locator(`ol.raw > li[data-line="${r.line}"]`);
    assert.equal(await li.locator('del').count() > 0, true, `line ${r.line} not struck through`);
    assert.ok((await li.textContent()).includes(r.reason));
  }
});

test('every citation of the brief marks its bytes of its document', opts, async () => {
  const story = await getJson(server.url, `/api/stories/${storyId}`);
  const texts = new Map();
  let shifted = 0;  // Spans after a multi-byte character: bytes and string indices differ.
  for (const b of story.brief) {
    for (const span of b.spans) {
      const src = story.sources.find((s) => s.document === span.document);
      assert.ok(src, `no source row for ${span.document}`);
      if (!texts.has(src.id)) texts.set(src.id, (await getJson(server.url, `/api/documents/${src.id}`)).text);
      await open(page, server.url, `#/document/${src.id}?begin=${span.begin}&end=${span.end}`);
      assert.equal(await page.locator('mark#cited').textContent(), bytesSlice(texts.get(src.id), span.begin, span.end));
      if (bytesSlice(texts.get(src.id), 0, span.begin).length !== span.begin) shifted++;
    }
  }
  assert.ok(shifted > 0, 'no citation follows a multi-byte character: the offsets are not exercised');
});

test('an API error is shown in the page', opts, async () => {
  await open(page, server.url, '#/story/999999999');
  const alert = page.locator('main [role="alert"]');
  assert.equal(await alert.count(), 1);
  assert.match(await alert.textContent(), /404/);
  await open(page, server.url, '#/document/999999999');
  assert.match(await page.locator('main [role="alert"]').textContent(), /404/);
  // A malformed full-text query (an unterminated phrase) is shown above the list.
  await page.fill('#search-q', '"unterminated');
  await page.press('#search-q', 'Enter');
  await rendered(page);
  assert.match(await page.locator('main [role="alert"]').first().textContent(), /400/);
});

test('no dialog, page error or request off the server', opts, () => {
  assert.deepEqual(seen.dialogs, []);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.foreign, []);
});
