// ATT&CK Navigator layer export: one scored technique per ATT&CK id the rules tag.
import type { CatalogEntry } from '../../catalog/types.ts';

export interface NavigatorTechnique {
  techniqueID: string;
  score: number;
  comment: string;
  enabled: boolean;
}

/** The subset of the Navigator layer format (version 4.5) that Sigil writes. */
export interface NavigatorLayer {
  name: string;
  versions: { layer: string; navigator: string };
  domain: 'enterprise-attack';
  description: string;
  techniques: NavigatorTechnique[];
  gradient: { colors: string[]; minValue: number; maxValue: number };
  legendItems: never[];
  showTacticRowBackground: boolean;
  selectTechniquesAcrossTactics: boolean;
  selectSubtechniquesWithParent: boolean;
}

/** Counts the entries tagging each technique id. */
export function countTechniques(entries: readonly CatalogEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (const id of entry.techniques) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Builds a layer whose score per technique is the number of rules tagging it. */
export function buildNavigatorLayer(entries: readonly CatalogEntry[], name = 'Sigil rule coverage'): NavigatorLayer {
  const counts = countTechniques(entries);
  const techniques = [...counts.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([techniqueID, score]) => ({
      techniqueID,
      score,
      comment: `${score} ${score === 1 ? 'rule' : 'rules'}`,
      enabled: true,
    }));
  return {
    name,
    versions: { layer: '4.5', navigator: '5.1.0' },
    domain: 'enterprise-attack',
    description: `ATT&CK techniques tagged by ${entries.length} Sigma rules; the score is the number of rules.`,
    techniques,
    gradient: { colors: ['#ffe766', '#8ec843'], minValue: 0, maxValue: Math.max(1, ...counts.values()) },
    legendItems: [],
    showTacticRowBackground: false,
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
  };
}
