// Decides which kind badge a document gets in the explorer.
import type { SigmaDocument } from '../../sigma/model.ts';
import type { EntryKind } from './types.ts';

/**
 * Returns the kind of a document. Threat-hunting and emerging-threat rules are recognised by
 * their `detection.*` tag or by SigmaHQ's folder names (`rules-threat-hunting`, `rules-emerging-threats`)
 * anywhere in the file path.
 */
export function classifyDocument(document: SigmaDocument): EntryKind {
  switch (document.kind) {
    case 'correlation':
      return 'correlation';
    case 'filter':
      return 'filter';
    case 'rule':
      return classifyRule(document.tags, document.origin.file);
  }
}

function classifyRule(tags: readonly string[], file: string): EntryKind {
  const lowerTags = tags.map((tag) => tag.toLowerCase());
  const segments = file.toLowerCase().split(/[\\/]/);
  if (lowerTags.includes('detection.threat-hunting') || segments.includes('rules-threat-hunting')) {
    return 'threat-hunting';
  }
  if (lowerTags.includes('detection.emerging-threats') || segments.includes('rules-emerging-threats')) {
    return 'emerging-threat';
  }
  return 'detection';
}
