// Shared set-up of the browser tests: the rashomon binary, a server on a
// free port, headless Chromium (Debian's, driven by playwright-core), temp
// folders and the artefact folder. Node built-ins and playwright-core only.
//
// Environment (tests/CMakeLists.txt sets it):
//   RSH_BINARY        the rashomon binary (required)
//   RSH_SHARED_DIR    ../shared beside the checkout (the seeds and gold.json)
//   RSH_ARTIFACT_DIR  where screenshots go (default: a temp folder)
//   RSH_CHROMIUM      the browser (default /usr/bin/chromium)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// Fails loudly when something the tests need is missing: CI installs all of
// it (scripts/install-deps.sh), so a missing piece is a broken set-up, not a
// reason to skip.
function required(what, p, fix) {
  if (!p || !fs.existsSync(p)) {
    throw new Error(`browser tests: ${what} not found${p ? ` at ${p}` : ''}; ${fix}`);
  }
  return p;
}

export const binary = required('the rashomon binary (RSH_BINARY)', process.env.RSH_BINARY,
  'run the tests through ctest, or set RSH_BINARY');
export const sharedDir = process.env.RSH_SHARED_DIR || path.resolve(here, '../../../shared');
export const chromiumPath = required('Chromium', process.env.RSH_CHROMIUM || '/usr/bin/chromium',
  'run scripts/install-deps.sh (Debian package chromium)');
required('playwright-core', path.join(here, 'node_modules/playwright-core/package.json'),
  'run scripts/install-deps.sh (npm ci --prefix tests/browser)');
const { chromium } = await import('playwright-core');

export const artifactDir = process.env.RSH_ARTIFACT_DIR || fs.mkdtempSync(path.join(os.tmpdir(), 'rsh-browser-artifacts-'));
fs.mkdirSync(artifactDir, { recursive: true });

// A fresh temp folder, removed at exit.
export function tempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rsh-${prefix}-`));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// Runs rashomon with `args`; returns {code, stdout, stderr}. Throws with
// both streams when the exit code is not in `ok`.
export function rashomon(args, ok = [0]) {
  const r = spawnSync(binary, args, { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.error) throw r.error;
  if (!ok.includes(r.status)) {
    throw new Error(`rashomon ${args.join(' ')} exited with ${r.status}\n${r.stderr}\n${r.stdout.slice(0, 2000)}`);
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Stores `inputs` in a new database in `dir` (rashomon ingest) and serves it
// (rashomon serve --port 0). Resolves to {url, stop}: `url` is the server's
// first stdout line `listening on URL`; `stop()` ends the server (also done
// at exit, so a failed test leaves none behind).
export async function serve(dir, inputs) {
  const db = path.join(dir, 'test.db');
  rashomon(['ingest', '--db', db, ...inputs]);
  const child = spawn(binary, ['serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return attach(child);
}

function attach(child) {
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const kill = () => { if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM'); };
  process.on('exit', kill);
  const lines = readline.createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${stderr}`)));
    lines.once('line', (line) => {
      const m = /^listening on (http:\/\/\S+\/)$/.exec(line.trim());
      if (!m) {
        kill();
        reject(new Error(`unexpected first line from the server: ${line}\n${stderr}`));
        return;
      }
      child.removeAllListeners('exit');
      resolve({
        url: m[1],
        stop: () => new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          kill();
        }),
      });
    });
  });
}

// Launches headless Chromium with a fresh profile (a temp folder removed at
// exit). Resolves to its BrowserContext; close() ends the browser.
export async function launch() {
  const profile = tempDir('chromium-profile');
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 768 },
  });
}

// Records on `page` what the tests check never happens: dialogs (alert,
// confirm, ...), uncaught page errors and console errors (a Content-Security-
// Policy violation is one), and requests leaving `allowedOrigin` (the server,
// file:// or data:). Returns the lists, filled as they come.
export function watch(page, allowedOrigin) {
  const seen = { dialogs: [], errors: [], foreign: [] };
  page.on('console', (m) => {
    // An API answer of 4xx is logged too; the page shows those itself.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) seen.errors.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    seen.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!(allowedOrigin && u.startsWith(allowedOrigin)) && !/^(file|data|about|blob):/.test(u)) seen.foreign.push(u);
  });
  return seen;
}

// Waits until the page has rendered the view of its current hash (app.js
// sets data-rendered on <main> when a view is in place).
export async function rendered(page) {
  await page.waitForFunction(() => {
    const app = document.getElementById('app');
    return app && app.dataset.rendered === (location.hash || '#/');
  });
}

// Opens `hash` of the page at `base` and waits until its view has rendered.
export async function open(page, base, hash) {
  await page.goto(`${base}${hash}`);
  await rendered(page);
}

export async function screenshot(page, name) {
  const file = path.join(artifactDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  return file;
}

// The words of `text` between UTF-8 byte offsets, computed independently of
// the page (Buffer, not TextEncoder).
export function bytesSlice(text, begin, end) {
  return Buffer.from(text, 'utf8').subarray(begin, end).toString('utf8');
}

export async function getJson(base, p) {
  const res = await fetch(new URL(p, base));
  const body = await res.json();
  if (!res.ok) throw new Error(`${p}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}
