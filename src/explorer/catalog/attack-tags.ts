// Reads ATT&CK tactics and techniques out of Sigma tags (`attack.execution`, `attack.t1059.001`).

const TECHNIQUE_TAG = /^attack\.(t\d{4}(?:\.\d{3})?)$/i;
const OTHER_ATTACK_ID = /^attack\.[gsmad]s?\d{4}$/i;

/** ATT&CK tactics and techniques named by a rule's tags, each list sorted and without repeats. */
export interface AttackTags {
  /** Tactic slugs with hyphens, as SigmaHQ writes them since Sigma 2.0 (`defense-evasion`). */
  tactics: string[];
  /** Technique ids in upper case (`T1059.001`). */
  techniques: string[];
}

/** Collects the tactics and techniques from a list of Sigma tags; other tags are ignored. */
export function readAttackTags(tags: readonly string[]): AttackTags {
  const tactics = new Set<string>();
  const techniques = new Set<string>();
  for (const tag of tags) {
    const lower = tag.toLowerCase();
    if (!lower.startsWith('attack.')) continue;
    const technique = TECHNIQUE_TAG.exec(lower);
    if (technique?.[1] !== undefined) {
      techniques.add(technique[1].toUpperCase());
    } else if (!OTHER_ATTACK_ID.test(lower)) {
      // Sigma 1.0 wrote tactics with underscores (`attack.defense_evasion`).
      tactics.add(lower.slice('attack.'.length).replaceAll('_', '-'));
    }
  }
  return { tactics: [...tactics].sort(), techniques: [...techniques].sort() };
}

/** Returns the parent technique of a sub-technique id (`T1059.001` → `T1059`), or the id itself. */
export function parentTechnique(id: string): string {
  const dot = id.indexOf('.');
  return dot === -1 ? id : id.slice(0, dot);
}
