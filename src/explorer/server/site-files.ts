// The files the explorer serves or exports: the built page assets plus the catalog script.
// Everything is read into memory up front, so a request can only ever name one of these files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Catalog } from '../catalog/types.ts';

export interface SiteFile {
  body: Buffer;
  contentType: string;
}

/** URL path (without the leading `/`) → file. */
export type SiteFiles = Map<string, SiteFile>;

/** The path of the catalog script in the site; the page loads it before it starts. */
export const CATALOG_SCRIPT_PATH = 'data/catalog.js';

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

/** Reads every file under the built assets folder, plus the catalog script. */
export function collectSiteFiles(assetsDir: string, catalog: Catalog): SiteFiles {
  const files: SiteFiles = new Map();
  for (const path of listFiles(assetsDir)) {
    const urlPath = relative(assetsDir, path).split(sep).join('/');
    files.set(urlPath, { body: readFileSync(path), contentType: contentTypeOf(urlPath) });
  }
  files.set(CATALOG_SCRIPT_PATH, {
    body: Buffer.from(renderCatalogScript(catalog), 'utf8'),
    contentType: CONTENT_TYPES['.js'] as string,
  });
  return files;
}

/**
 * Renders the catalog as a classic script that sets `globalThis.SIGIL_CATALOG`. A script works where
 * `fetch` does not (an exported site opened from `file://`); JSON text is a valid JavaScript
 * expression, so rule text cannot break out of its string literals.
 */
export function renderCatalogScript(catalog: Catalog): string {
  return `globalThis.SIGIL_CATALOG = ${JSON.stringify(catalog)};\n`;
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
