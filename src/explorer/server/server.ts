// The explorer's HTTP server: serves the built page and the catalog, nothing else.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { SECURITY_HEADERS } from './security-headers.ts';
import type { SiteFile, SiteFiles } from './site-files.ts';

export interface ExplorerServerOptions {
  files: SiteFiles;
  /** Address to bind; loopback unless the user asks otherwise. */
  host?: string;
  /** TCP port; 0 picks a free one. */
  port?: number;
  /** Called for each request that fails, for the command to log. */
  onError?: (message: string) => void;
}

export interface RunningExplorer {
  /** Base URL such as `http://127.0.0.1:8080/`. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const GZIP_MIN_BYTES = 1024;
const PRECOMPRESS_MIN_BYTES = 256 * 1024;

/** Starts the server and resolves once it listens. */
export async function startExplorerServer(options: ExplorerServerOptions): Promise<RunningExplorer> {
  const host = options.host ?? '127.0.0.1';
  const gzipCache = new Map<string, Buffer>();
  // Compressing a large catalog takes a moment; do it before the first page load waits for it.
  for (const [path, file] of options.files) {
    if (file.body.length >= PRECOMPRESS_MIN_BYTES) gzipCache.set(path, gzipSync(file.body));
  }
  const server = createServer((request, response) => {
    try {
      handleRequest(request, response, options.files, gzipCache, host);
    } catch (error) {
      options.onError?.(`request ${request.url ?? ''} failed: ${String(error)}`);
      if (!response.headersSent) sendText(response, 500, 'Internal error');
    }
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolvePromise());
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}/`,
    server,
    close: () => new Promise((resolvePromise) => server.close(() => resolvePromise())),
  };
}

function handleRequest(
  request: IncomingMessage,
  response: ServerResponse,
  files: SiteFiles,
  gzipCache: Map<string, Buffer>,
  boundHost: string,
): void {
  if (!isAllowedHost(request.headers.host, boundHost)) {
    sendText(response, 421, 'Unknown host name');
    return;
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    sendText(response, 405, 'Method not allowed');
    return;
  }
  const urlPath = siteFilePath(request.url ?? '/');
  const file = urlPath === undefined ? undefined : files.get(urlPath);
  if (urlPath === undefined || file === undefined) {
    sendText(response, 404, 'Not found');
    return;
  }
  sendFile(request, response, urlPath, file, gzipCache);
}

/**
 * Maps a request target to a key of the site's file table, or undefined when it cannot name one.
 * The table contains only the explorer's own files, so a decoded `..` could at most miss. It is
 * rejected anyway, so that no traversal attempt reaches the lookup.
 */
export function siteFilePath(target: string): string | undefined {
  const pathname = target.split(/[?#]/, 1)[0] ?? '/';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.slice(1).split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return undefined;
  const path = segments.join('/');
  return path === '' ? 'index.html' : path;
}

function isAllowedHost(hostHeader: string | undefined, boundHost: string): boolean {
  // With a loopback bind, a foreign Host header means DNS rebinding: another site's page is
  // talking to this server through a name that resolves to 127.0.0.1.
  if (!LOOPBACK_HOSTS.has(boundHost)) return true;
  if (hostHeader === undefined) return false;
  const name = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0];
  return name !== undefined && LOOPBACK_HOSTS.has(name.toLowerCase());
}

function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  urlPath: string,
  file: SiteFile,
  gzipCache: Map<string, Buffer>,
): void {
  let body = file.body;
  const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (acceptsGzip && body.length >= GZIP_MIN_BYTES) {
    let compressed = gzipCache.get(urlPath);
    if (compressed === undefined) {
      compressed = gzipSync(body);
      gzipCache.set(urlPath, compressed);
    }
    body = compressed;
    response.setHeader('Content-Encoding', 'gzip');
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': body.length,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}
