// Turns loaded Sigma documents into the catalog the page reads.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { SigmaDocument } from '../../sigma/model.ts';
import { readAttackTags } from './attack-tags.ts';
import { classifyDocument } from './entry-kind.ts';
import type { CatalogEntry, CatalogLogsource, CatalogWithTexts, RuleTexts } from './types.ts';

export interface BuildCatalogOptions {
  /** Folders or files the rules were loaded from; entry paths are shown from the root's own name on (`rules/windows/x.yml`). */
  roots?: readonly string[];
}

/** Builds the catalog of every document, in the order given, with each document's YAML text. */
export function buildCatalog(documents: readonly SigmaDocument[], options: BuildCatalogOptions = {}): CatalogWithTexts {
  const roots = (options.roots ?? []).map((root) => resolve(root));
  const idCounts = new Map<string, number>();
  for (const document of documents) {
    if (document.id !== undefined) idCounts.set(document.id, (idCounts.get(document.id) ?? 0) + 1);
  }

  const texts: RuleTexts = {};
  const entries = documents.map((document) => {
    const file = displayPath(document.origin.file, roots);
    const uniqueId = document.id !== undefined && idCounts.get(document.id) === 1;
    const key = uniqueId ? (document.id as string) : `${file}#${document.origin.documentIndex}`;
    texts[key] = document.origin.text;
    return buildEntry(document, key, file);
  });
  return { format: 'sigil-explorer-catalog', version: 1, entries, texts };
}

function buildEntry(document: SigmaDocument, key: string, file: string): CatalogEntry {
  const attack = readAttackTags(document.tags);
  const entry: CatalogEntry = {
    key,
    title: document.title,
    kind: classifyDocument(document),
    authors: splitAuthors(document.author),
    tags: [...document.tags],
    references: [...document.references],
    falsepositives: [...document.falsepositives],
    tactics: attack.tactics,
    techniques: attack.techniques,
    related: document.related.map(({ id, type }) => ({ id, type })),
    file,
  };
  copyDefined(entry, {
    id: document.id,
    name: document.name,
    level: document.level,
    status: document.status,
    description: document.description,
    author: document.author,
    date: document.date,
    modified: document.modified,
  });
  if (document.kind === 'correlation') {
    entry.correlatedRules = document.correlation.rules.map((reference) => reference.reference);
  } else {
    entry.logsource = pickLogsource(document.logsource);
  }
  return entry;
}

/** Splits `A, B (Company), C` into names; a comma inside brackets does not split. */
export function splitAuthors(author: string | undefined): string[] {
  if (author === undefined) return [];
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of author) {
    if (char === '(') depth += 1;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      names.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  names.push(current);
  return names.map((name) => name.trim()).filter((name) => name !== '');
}

function pickLogsource(logsource: { product?: string; category?: string; service?: string; definition?: string }): CatalogLogsource {
  const picked: CatalogLogsource = {};
  copyDefined(picked, {
    product: logsource.product,
    category: logsource.category,
    service: logsource.service,
    definition: logsource.definition,
  });
  return picked;
}

// exactOptionalPropertyTypes-friendly: absent values stay absent instead of `undefined`.
function copyDefined<T extends object>(target: T, values: { [K in keyof T]?: T[K] | undefined }): void {
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) (target as Record<string, unknown>)[name] = value;
  }
}

function displayPath(file: string, roots: readonly string[]): string {
  if (!isAbsolute(file) && roots.length === 0) return file.replaceAll('\\', '/');
  const absolute = resolve(file);
  for (const root of roots) {
    if (!relative(root, absolute).startsWith('..')) {
      return relative(dirname(root), absolute).replaceAll('\\', '/');
    }
  }
  return file.replaceAll('\\', '/');
}
