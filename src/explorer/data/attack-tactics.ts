// ATT&CK Enterprise tactics in matrix order, keyed by the slug Sigma tags use (`attack.<slug>`).
// Written from the public ATT&CK matrix. Newer SigmaHQ rules tag `stealth` and `defense-impairment`
// where older ones tag `defense-evasion`; the ATT&CK ids of those two tactics are not recorded here.

export interface AttackTactic {
  slug: string;
  name: string;
  /** ATT&CK tactic id (`TA0002`) where known. */
  id?: string;
}

export const ATTACK_TACTICS: readonly AttackTactic[] = [
  { slug: 'reconnaissance', name: 'Reconnaissance', id: 'TA0043' },
  { slug: 'resource-development', name: 'Resource Development', id: 'TA0042' },
  { slug: 'initial-access', name: 'Initial Access', id: 'TA0001' },
  { slug: 'execution', name: 'Execution', id: 'TA0002' },
  { slug: 'persistence', name: 'Persistence', id: 'TA0003' },
  { slug: 'privilege-escalation', name: 'Privilege Escalation', id: 'TA0004' },
  { slug: 'defense-evasion', name: 'Defense Evasion', id: 'TA0005' },
  { slug: 'stealth', name: 'Stealth' },
  { slug: 'defense-impairment', name: 'Defense Impairment' },
  { slug: 'credential-access', name: 'Credential Access', id: 'TA0006' },
  { slug: 'discovery', name: 'Discovery', id: 'TA0007' },
  { slug: 'lateral-movement', name: 'Lateral Movement', id: 'TA0008' },
  { slug: 'collection', name: 'Collection', id: 'TA0009' },
  { slug: 'command-and-control', name: 'Command and Control', id: 'TA0011' },
  { slug: 'exfiltration', name: 'Exfiltration', id: 'TA0010' },
  { slug: 'impact', name: 'Impact', id: 'TA0040' },
];

const BY_SLUG = new Map(ATTACK_TACTICS.map((tactic) => [tactic.slug, tactic]));

/** Returns the tactic for a slug, or undefined for a slug not in the table. */
export function findTactic(slug: string): AttackTactic | undefined {
  return BY_SLUG.get(slug);
}

/** Returns the tactic's name, or the slug itself when the table lacks it. */
export function tacticName(slug: string): string {
  return BY_SLUG.get(slug)?.name ?? slug;
}
