// The loaded catalog with the lookups the views share.
import type { Catalog, CatalogEntry } from '../catalog/types.ts';
import { buildSearchIndex, type SearchIndex } from './list/search.ts';

export interface ExplorerData {
  catalog: Catalog;
  index: SearchIndex;
  byKey: Map<string, CatalogEntry>;
  /** Rule id → entry, for `related` links and id permalinks. */
  byId: Map<string, CatalogEntry>;
  /** Rule name → entry, for correlation references. */
  byName: Map<string, CatalogEntry>;
}

export function prepareData(catalog: Catalog): ExplorerData {
  const byKey = new Map(catalog.entries.map((entry) => [entry.key, entry]));
  const byId = new Map<string, CatalogEntry>();
  const byName = new Map<string, CatalogEntry>();
  for (const entry of catalog.entries) {
    if (entry.id !== undefined && !byId.has(entry.id)) byId.set(entry.id, entry);
    if (entry.name !== undefined && !byName.has(entry.name)) byName.set(entry.name, entry);
  }
  return { catalog, index: buildSearchIndex(catalog.entries), byKey, byId, byName };
}

/** Finds an entry by its correlation reference: a rule id or a rule name. */
export function findReference(data: ExplorerData, reference: string): CatalogEntry | undefined {
  return data.byId.get(reference) ?? data.byName.get(reference);
}

/** Finds an entry by its catalog key or, failing that, by its rule id. */
export function findEntry(data: ExplorerData, key: string): CatalogEntry | undefined {
  return data.byKey.get(key) ?? data.byId.get(key);
}
