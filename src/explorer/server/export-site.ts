// Writes the explorer as a static site that opens from disk without a server.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { META_CONTENT_SECURITY_POLICY } from './security-headers.ts';
import type { SiteFiles } from './site-files.ts';

/** Writes every site file under `outDir` and returns how many were written. */
export function exportSite(files: SiteFiles, outDir: string): number {
  for (const [urlPath, file] of files) {
    const target = join(outDir, ...urlPath.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    const body = urlPath === 'index.html' ? addPolicyMeta(file.body.toString('utf8')) : file.body;
    writeFileSync(target, body);
  }
  return files.size;
}

// A file:// page gets no response headers, so the policy travels in a meta tag.
function addPolicyMeta(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}">`;
  return html.replace(/<head>/i, `<head>\n    ${meta}`);
}
