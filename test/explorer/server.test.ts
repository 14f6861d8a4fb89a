// The explorer server over real HTTP on loopback: what it serves, what it refuses, its headers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  CONTENT_SECURITY_POLICY,
  collectSiteFiles,
  exportSite,
  startExplorerServer,
  type CatalogWithTexts,
  type RunningExplorer,
} from '../../src/explorer/index.ts';

const catalog: CatalogWithTexts = { format: 'sigil-explorer-catalog', version: 1, entries: [], texts: { a: 'title: A' } };

function fakeAssets(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sigil-assets-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  writeFileSync(join(dir, 'assets', 'app.js'), `console.log(${JSON.stringify('x'.repeat(4000))});`);
  // A file beside the assets folder that must stay unreachable.
  writeFileSync(join(dir, '..', `secret-${process.pid}.txt`), 'secret');
  return dir;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(base: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('explorer server', () => {
  let server: RunningExplorer;
  let assets: string;

  before(async () => {
    assets = fakeAssets();
    server = await startExplorerServer({ files: collectSiteFiles(assets, catalog), port: 0 });
  });
  after(() => server.close());

  test('binds to loopback by default', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('serves the page with a strict policy', async () => {
    const reply = await get(server.url, '/');
    assert.equal(reply.status, 200);
    assert.equal(reply.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval/);
    assert.equal(reply.headers['x-content-type-options'], 'nosniff');
    assert.match(reply.body.toString(), /<title>t<\/title>/);
  });

  test('serves the catalog script', async () => {
    const reply = await get(server.url, '/data/catalog.js');
    assert.equal(reply.status, 200);
    assert.match(String(reply.headers['content-type']), /^text\/javascript/);
    const catalogWithout = { format: catalog.format, version: catalog.version, entries: catalog.entries };
    assert.equal(reply.body.toString(), `globalThis.SIGIL_CATALOG = JSON.parse(${JSON.stringify(JSON.stringify(catalogWithout))});\n`);
    const texts = await get(server.url, '/data/texts.js');
    assert.equal(texts.body.toString(), `globalThis.SIGIL_RULE_TEXTS = JSON.parse(${JSON.stringify(JSON.stringify(catalog.texts))});\n`);
  });

  test('compresses large files for gzip clients', async () => {
    const reply = await get(server.url, '/assets/app.js', { 'Accept-Encoding': 'gzip' });
    assert.equal(reply.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(reply.body).toString(), readFileSync(join(assets, 'assets', 'app.js'), 'utf8'));
  });

  const traversals = [
    '/..%2fpackage.json',
    '/..%2f..%2f..%2fetc%2fpasswd',
    `/..%2fsecret-${process.pid}.txt`,
    `/%2e%2e/secret-${process.pid}.txt`,
    `/assets/..%2f..%2fsecret-${process.pid}.txt`,
    `/assets/%2e%2e%2f%2e%2e%2fsecret-${process.pid}.txt`,
    '/..%5c..%5cpackage.json',
    '/assets%00/app.js',
    '/%E0%A4%A',
    '/etc/passwd',
    '/src/explorer/index.ts',
  ];
  for (const path of traversals) {
    test(`refuses ${path}`, async () => {
      const reply = await get(server.url, path);
      assert.equal(reply.status, 404);
      assert.doesNotMatch(reply.body.toString(), /secret|root:/);
    });
  }

  test('answers 405 to other methods', async () => {
    const reply = await get(server.url, '/', {}, 'POST');
    assert.equal(reply.status, 405);
    assert.equal(reply.headers.allow, 'GET, HEAD');
  });

  test('rejects a foreign Host header', async () => {
    const reply = await get(server.url, '/', { Host: 'attacker.example:80' });
    assert.equal(reply.status, 421);
  });

  test('accepts localhost as Host', async () => {
    const reply = await get(server.url, '/', { Host: `localhost:${new URL(server.url).port}` });
    assert.equal(reply.status, 200);
  });
});

test('exportSite writes the page, the catalog and a policy meta tag', () => {
  const out = mkdtempSync(join(tmpdir(), 'sigil-export-'));
  const count = exportSite(collectSiteFiles(fakeAssets(), catalog), out);
  assert.equal(count, 4);
  const html = readFileSync(join(out, 'index.html'), 'utf8');
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self';/);
  assert.doesNotMatch(html, /frame-ancestors/);
  assert.match(readFileSync(join(out, 'data', 'catalog.js'), 'utf8'), /^globalThis\.SIGIL_CATALOG = /);
});
