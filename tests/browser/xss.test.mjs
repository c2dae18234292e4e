// Script payloads in an article's title and text stay text: in the served
// page (story list, story, document) and in the report.html of `rashomon
// analyze`, opened in headless Chromium. The articles are invented here; the
// article with the payloads is read once as text and once as an HTML page,
// beside a second report of the same invented event so that they form a
// story. Names with non-ASCII letters and an emoji come early in each text,
// so the citations also test UTF-8 byte offsets.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';

import { artifactDir, bytesSlice, getJson, launch, open, rashomon, rendered, serve, tempDir, watch } from './lib.mjs';

const kPayloads = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
];
const [kScript, kImg, kSvg] = kPayloads;

const kTitle = `Quay crane ${kScript} collapses at Vellmouth docks ${kImg} ${kSvg}`;
const kBody = [
  `A container crane collapsed onto the quay at Vellmouth docks on Tuesday morning, injuring four dock workers, said port director Zoë Łukasiewicz 🚢 of the Vellmouth Port Authority. ${kSvg}`,
  'Łukasiewicz said the crane, built in 1987 by Harrowgate Engineering, had passed its last safety inspection in March.',
  `About 120 containers were stranded on the quay and the harbour was closed to shipping for six hours while engineers checked the other cranes. ${kScript}`,
  `Investigators from the Maritime Safety Office arrived in the afternoon to examine the base of the crane, which witnesses said had cracked before the fall. ${kImg}`,
  'The four injured workers were taken to Vellmouth General Hospital, where two remained overnight for observation.',
];
const kOtherTitle = 'Crane falls onto quay at Vellmouth docks, dock workers hurt';
const kOther = [
  'A container crane collapsed onto the quay at Vellmouth docks on Tuesday morning, injuring four dock workers, port director Zoë Łukasiewicz told reporters at the Vellmouth Port Authority.',
  'Łukasiewicz said the crane, built in 1987 by Harrowgate Engineering, had passed its last safety inspection in March.',
  'About 120 containers were stranded on the quay and the harbour was closed to shipping for six hours while engineers checked the other cranes.',
  'Investigators from the Maritime Safety Office arrived in the afternoon to examine the base of the crane, which witnesses said had cracked before the fall.',
  'The injured workers were taken to Vellmouth General Hospital; two stayed overnight for observation.',
];

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// A paragraph only the page has, so that the store keeps the page beside the
// text file (it stores identical title and text once).
const kPageOnly = `Harbour pilots said the wind was light when the crane fell. ${kImg}`;

// The payload article as an HTML page: the payloads are text of the page
// (escaped in its source), and it also carries live ones a careless
// extractor would keep: a script element, an img with onerror, a javascript:
// canonical URL.
function htmlPage() {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>${escapeHtml(kTitle)}</title>
<link rel="canonical" href="javascript:window.__pwned=1">
<script>window.__pwned = 1;</script>
</head><body>
<article>
<h1>${escapeHtml(kTitle)}</h1>
<p class="byline">By Iwan Threlkeld</p>
${kBody.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p>${escapeHtml(kPageOnly)}</p>
<p><img src="x" onerror="window.__pwned=1" alt="crane"></p>
</article>
</body></html>
`;
}

let corpus;
let server;
let context;
let page;
let seen;

before(async () => {
  const dir = tempDir('xss');
  corpus = path.join(dir, 'corpus');
  fs.mkdirSync(corpus);
  fs.writeFileSync(path.join(corpus, 'crane_payload.txt'), `${kTitle}\n\n${kBody.join('\n\n')}\n`);
  fs.writeFileSync(path.join(corpus, 'crane_payload_page.html'), htmlPage());
  fs.writeFileSync(path.join(corpus, 'crane_other.txt'), `${kOtherTitle}\n\n${kOther.join('\n\n')}\n`);
  server = await serve(dir, [corpus]);
  context = await launch();
  page = await context.newPage();
  seen = watch(page, server.url);
});

after(async () => {
  await context?.close();
  await server?.stop();
});

// Checks that no payload ran or became markup on the current page, and that
// `expected` payloads show as text.
async function assertInert(where, expected) {
  const state = await page.evaluate(() => ({
    pwned: typeof window.__pwned,
    elements: document.querySelectorAll('body script:not([src]), body img, body svg, body iframe, body object').length,
    handlers: [...document.querySelectorAll('body *')]
      .flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => /^\s*javascript:/i.test(a.getAttribute('href'))).length,
    text: document.body.innerText,
  }));
  assert.equal(state.pwned, 'undefined', `${where}: a payload ran`);
  assert.equal(state.elements, 0, `${where}: a payload became an element`);
  assert.deepEqual(state.handlers, [], `${where}: an event handler attribute`);
  assert.equal(state.jsLinks, 0, `${where}: a javascript: link`);
  for (const p of expected) assert.ok(state.text.includes(p), `${where}: "${p}" is not shown as text`);
  assert.deepEqual(seen.dialogs, [], `${where}: a dialog opened`);
}

let story;

test('the story list and the search show the payloads as text', async () => {
  await open(page, server.url, '#/');
  await assertInert('story list', []);
  const items = await page.$$eval('li.story-item', (lis) => lis.map((li) => ({ id: li.dataset.story, n: Number(li.dataset.documents) })));
  const largest = items.reduce((a, b) => (b.n > a.n ? b : a));
  assert.ok(largest.n >= 2, `the invented reports do not form a story: ${JSON.stringify(items)}`);
  story = await getJson(server.url, `/api/stories/${largest.id}`);
  await open(page, server.url, '#/?q=Vellmouth');
  assert.ok(await page.locator('ol.hits > li').count() > 0, 'no search hit');
  await assertInert('search', [kScript, kImg]);
});

test('the story page shows the payloads as text', async () => {
  await open(page, server.url, `#/story/${story.id}`);
  await assertInert('story page', [kScript]);
});

test('the document pages show the payloads as text, and citations mark their bytes', async () => {
  let shifted = 0;
  let shot = false;
  for (const src of story.sources) {
    const doc = await getJson(server.url, `/api/documents/${src.id}`);
    const span = story.brief.flatMap((b) => b.spans).find((s) => s.document === src.document);
    const hash = span ? `#/document/${src.id}?begin=${span.begin}&end=${span.end}` : `#/document/${src.id}`;
    await open(page, server.url, hash);
    await assertInert(`document ${src.document}`, doc.title.includes(kScript) ? [kScript, kImg, kSvg] : []);
    if (span) {
      const want = bytesSlice(doc.text, span.begin, span.end);
      assert.equal(await page.locator('mark#cited').textContent(), want);
      if (want !== doc.text.slice(span.begin, span.end)) shifted++;
    }
    if (src.document.endsWith('.html')) {
      shot = true;
      await page.screenshot({ path: path.join(artifactDir, 'xss-document.png') });
    }
  }
  assert.ok(shifted > 0, 'no citation after a multi-byte character');
  assert.ok(shot, 'no HTML page among the sources');
  for (const file of ['crane_payload.txt', 'crane_payload_page.html']) {
    const src = story.sources.find((s) => path.basename(s.document) === file);
    assert.ok(src, `${file} is not a source of the story`);
    assert.ok(src.title.includes(kScript), `${file}: no payload in its title`);
  }
});

test('a click on a citation keeps the page inert', async () => {
  await open(page, server.url, `#/story/${story.id}`);
  await page.locator('ol.brief a.cite').first().click();
  await rendered(page);
  assert.equal(await page.locator('mark#cited').count(), 1);
  await assertInert('document after a click', []);
});

test('report.html of rashomon analyze shows the payloads as text', async () => {
  const out = path.join(path.dirname(corpus), 'report');
  rashomon(['analyze', corpus, '--out', out]);
  const file = path.join(out, 'report.html');
  assert.ok(fs.existsSync(file));
  await page.goto(pathToFileURL(file).href);
  await page.waitForLoadState('load');
  await assertInert('report.html', [kScript, kImg, kSvg]);
  await page.screenshot({ path: path.join(artifactDir, 'xss-report.png') });
});

test('no page error or request off the server', () => {
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.foreign, []);
});
