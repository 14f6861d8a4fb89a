// The files the explorer serves or exports: the built page assets plus the catalog script.
// Everything is read into memory up front, so a request can only ever name one of these files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { CatalogWithTexts } from '../catalog/types.ts';

export interface SiteFile {
  body: Buffer;
  contentType: string;
}

/** URL path (without the leading `/`) → file. */
export type SiteFiles = Map<string, SiteFile>;

/** The path of the catalog script in the site; the page loads it before it starts. */
export const CATALOG_SCRIPT_PATH = 'data/catalog.js';
/** The path of the rule texts script; the page loads it after the first view. */
export const TEXTS_SCRIPT_PATH = 'data/texts.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Reads every file under the built assets folder, plus the catalog and rule text scripts. */
export function collectSiteFiles(assetsDir: string, catalog: CatalogWithTexts): SiteFiles {
  const files: SiteFiles = new Map();
  for (const path of listFiles(assetsDir)) {
    const urlPath = relative(assetsDir, path).split(sep).join('/');
    files.set(urlPath, { body: readFileSync(path), contentType: contentTypeOf(urlPath) });
  }
  const { texts, ...withoutTexts } = catalog;
  const javascript = CONTENT_TYPES['.js'] as string;
  files.set(CATALOG_SCRIPT_PATH, { body: Buffer.from(renderDataScript('SIGIL_CATALOG', withoutTexts), 'utf8'), contentType: javascript });
  files.set(TEXTS_SCRIPT_PATH, { body: Buffer.from(renderDataScript('SIGIL_RULE_TEXTS', texts), 'utf8'), contentType: javascript });
  return files;
}

/**
 * Renders data as a classic script that sets `globalThis[name]`. A script works where
 * `fetch` does not (an exported site opened from `file://`). The data travels as one JSON string
 * literal, because V8 reads that faster than an object literal of the same size. `JSON.stringify`
 * escapes every quote and control character, so rule text cannot break out of the literal.
 */
export function renderDataScript(name: 'SIGIL_CATALOG' | 'SIGIL_RULE_TEXTS', data: unknown): string {
  return `globalThis.${name} = JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`;
}

function contentTypeOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return CONTENT_TYPES[dot === -1 ? '' : path.slice(dot)] ?? 'application/octet-stream';
}

function listFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...listFiles(path));
    else found.push(path);
  }
  return found;
}
