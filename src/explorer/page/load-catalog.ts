// Loads the data scripts that the server or the exported site provides. They are classic
// scripts rather than `fetch`ed JSON so that an exported site also works from `file://`.
import type { Catalog, RuleTexts } from '../catalog/types.ts';

declare global {
  var SIGIL_CATALOG: Catalog | undefined;
  var SIGIL_RULE_TEXTS: RuleTexts | undefined;
}

let textsPromise: Promise<RuleTexts> | undefined;

/** Returns the catalog, which index.html loads before the page script (or loads it now). */
export function loadCatalog(): Promise<Catalog> {
  if (globalThis.SIGIL_CATALOG !== undefined) return Promise.resolve(globalThis.SIGIL_CATALOG);
  return loadScript('data/catalog.js').then(() => {
    const catalog = globalThis.SIGIL_CATALOG;
    if (catalog?.format !== 'sigil-explorer-catalog') throw new Error('data/catalog.js did not define a catalog');
    return catalog;
  });
}

/** Returns every rule's YAML text, loading `data/texts.js` on the first call. */
export function loadRuleTexts(): Promise<RuleTexts> {
  textsPromise ??= loadScript('data/texts.js').then(() => {
    const texts = globalThis.SIGIL_RULE_TEXTS;
    if (texts === undefined) throw new Error('data/texts.js did not define the rule texts');
    return texts;
  });
  return textsPromise;
}

/** Returns one rule's YAML text, or '' when the texts have no entry for the key. */
export async function loadRuleText(key: string): Promise<string> {
  return (await loadRuleTexts())[key] ?? '';
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error(`failed to load ${src}`)));
    document.head.appendChild(script);
  });
}
