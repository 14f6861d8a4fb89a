// Loads the catalog script that the server or the exported site provides.
import type { Catalog } from '../catalog/types.ts';

declare global {
  var SIGIL_CATALOG: Catalog | undefined;
}

const CATALOG_SCRIPT = 'data/catalog.js';

/** Loads `data/catalog.js` (a classic script, so it also works from `file://`) and returns its catalog. */
export function loadCatalog(): Promise<Catalog> {
  if (globalThis.SIGIL_CATALOG !== undefined) return Promise.resolve(globalThis.SIGIL_CATALOG);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = CATALOG_SCRIPT;
    script.addEventListener('load', () => {
      const catalog = globalThis.SIGIL_CATALOG;
      if (catalog?.format === 'sigil-explorer-catalog') resolve(catalog);
      else reject(new Error(`${CATALOG_SCRIPT} did not define a catalog`));
    });
    script.addEventListener('error', () => reject(new Error(`failed to load ${CATALOG_SCRIPT}`)));
    document.head.appendChild(script);
  });
}
