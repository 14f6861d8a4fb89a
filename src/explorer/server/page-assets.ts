// Finds the page assets that `npm run build` writes to `dist/explorer/`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The CLI runs either as the esbuild bundle `dist/cli.js` or from `src/` through tsx,
// so the assets sit beside the bundle or three folders up from this file.
const CANDIDATES = [new URL('./explorer/', import.meta.url), new URL('../../../dist/explorer/', import.meta.url)];

/** Returns the folder holding the built page, or throws with the command that builds it. */
export function findPageAssets(): string {
  for (const candidate of CANDIDATES) {
    if (candidate.protocol !== 'file:') continue;
    const dir = fileURLToPath(candidate);
    if (existsSync(`${dir}index.html`)) return dir;
  }
  throw new Error('The explorer page is not built: run `npm run build` in the sigil package first.');
}
