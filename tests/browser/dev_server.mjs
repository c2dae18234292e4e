// A development server for the web page: serves web/ from the checkout (so
// an edit shows on reload, without rebuilding the binary that embeds it) and
// the API of docs/api.md computed from a report of `rashomon analyze --json`.
// Node built-ins only.
//
//   rashomon analyze DIR --json > /tmp/report.json
//   node tests/browser/dev_server.mjs /tmp/report.json [--port 8080]
//
// Prints `listening on http://127.0.0.1:PORT/` first, as `rashomon serve`
// does. Document ids are positions in the report's `documents`, from 1. It
// sends the Content-Security-Policy of the real server, so a page that breaks
// it breaks here too.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kWebDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
const kCsp =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const kTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// The original of a document: the file for a text source, else (HTML page,
// WARC record) its blocks one a line, as the store keeps extracted lines.
function rawOf(doc) {
  const src = doc.source;
  if (!/\.html?$|#\d+$/.test(src) && fs.existsSync(src) && fs.statSync(src).isFile()) {
    return fs.readFileSync(src, 'utf8');
  }
  return (doc.blocks || []).map((b) => b.text).join('\n') || doc.text;
}

function buildModel(report) {
  const updated = new Date().toISOString();
  const idOf = new Map();
  const documents = report.documents.map((d, i) => {
    idOf.set(d.source, i + 1);
    return {
      id: i + 1,
      source: d.source,
      url: d.url || '',
      title: d.title || '',
      language: d.language || '',
      published: d.published || '',
      outlet: d.outlet || '',
      authors: d.authors || [],
      format: /\.html?$/.test(d.source) ? 'html' : 'text',
      raw: rawOf(d),
      text: d.text || '',
      blocks: d.blocks || [],
      removed: d.removed || [],
      content_hash: '',
      stories: [d.story].filter((s) => s !== undefined && s !== null),
      machine_translated: !!d.machine_translated,
      duplicate_of: d.duplicate_of ?? null,
    };
  });
  const stories = report.stories.map((s) => ({
    ...s,
    updated_at: updated,
    sources: s.documents.map((src) => {
      const d = documents[idOf.get(src) - 1];
      return {
        id: d.id,
        document: src,
        title: d.title,
        outlet: d.outlet,
        url: d.url,
        language: d.language,
        published: d.published,
        duplicate_of: d.duplicate_of,
        machine_translated: d.machine_translated,
        removed: d.removed.length,
      };
    }),
  }));
  return { documents, stories };
}

// Words of `text` around the first match of `q`, the match in U+0002/U+0003.
function snippet(text, q) {
  const at = text.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return text.slice(0, 120);
  const from = Math.max(0, at - 60);
  return (from > 0 ? '…' : '') + text.slice(from, at) + '\u0002' + text.slice(at, at + q.length) +
    '\u0003' + text.slice(at + q.length, at + q.length + 60) + '…';
}

function matches(doc, q) {
  return !q || `${doc.title}\n${doc.text}`.toLowerCase().includes(q.toLowerCase());
}

function api(model, url) {
  const q = (url.searchParams.get('q') || '').trim();
  if ((q.match(/"/g) || []).length % 2) return [400, { error: 'malformed full-text query: unterminated string' }];
  let m;
  if (url.pathname === '/api/stories') {
    const limit = Number(url.searchParams.get('limit') || 50);
    const offset = Number(url.searchParams.get('offset') || 0);
    if (!(limit >= 0) || !(offset >= 0)) return [400, { error: 'limit and offset must be >= 0' }];
    const list = model.stories
      .filter((s) => s.sources.some((src) => matches(model.documents[src.id - 1], q)))
      .slice(offset, offset + limit)
      .map((s) => ({
        id: s.id, title: s.title, documents: s.documents.length, languages: s.languages,
        conflicts: s.conflicts.length, updated_at: s.updated_at,
      }));
    return [200, { stories: list, limit, offset }];
  }
  if ((m = /^\/api\/stories\/(\d+)$/.exec(url.pathname))) {
    const s = model.stories.find((x) => String(x.id) === m[1]);
    return s ? [200, s] : [404, { error: `no story ${m[1]}` }];
  }
  if ((m = /^\/api\/documents\/(\d+)$/.exec(url.pathname))) {
    const d = model.documents[Number(m[1]) - 1];
    return d ? [200, d] : [404, { error: `no document ${m[1]}` }];
  }
  if (url.pathname === '/api/search') {
    if (!q) return [400, { error: 'empty query' }];
    const hits = model.documents.filter((d) => matches(d, q)).map((d, i) => ({
      document_id: d.id, title: d.title, snippet: snippet(d.text, q), rank: -1 / (i + 1),
    }));
    return [200, { hits }];
  }
  return [404, { error: `no such API: ${url.pathname}` }];
}

function serve(model, port) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const send = (status, type, body) => {
      res.writeHead(status, {
        'Content-Type': type, 'Content-Security-Policy': kCsp, 'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    };
    if (url.pathname.startsWith('/api/')) {
      const [status, body] = api(model, url);
      return send(status, 'application/json', JSON.stringify(body));
    }
    const name = url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    const file = path.join(kWebDir, name);
    if (name.includes('..') || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return send(404, 'text/plain; charset=utf-8', 'not found\n');
    }
    send(200, kTypes[path.extname(file)] || 'application/octet-stream', fs.readFileSync(file));
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`listening on http://127.0.0.1:${server.address().port}/`);
  });
}

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const port = portAt >= 0 ? Number(args.splice(portAt, 2)[1]) : 0;
if (args.length !== 1) {
  console.error('usage: node dev_server.mjs REPORT.json [--port N]');
  process.exit(1);
}
serve(buildModel(JSON.parse(fs.readFileSync(args[0], 'utf8'))), port);
