// The "Test it here" panel. It evaluates events with the engine in the page.
import type { CatalogEntry } from '../../catalog/types.ts';

/** Returns the panel for an entry, or null while the engine is not available. */
export function createTestPanel(_entry: CatalogEntry): HTMLElement | null {
  return null;
}
