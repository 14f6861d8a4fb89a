// Rules where a target's query selects other events than Sigil's engine, each with the reason.
// Every entry is a documented limitation of that target (see docs/backends.md). The list is
// empty: every converted SigmaHQ Windows rule agrees on every SQL engine compared.
import type { TargetName } from '../../src/backends/index.ts';

export interface KnownDisagreement {
  /** The end of the rule's file path. */
  rule: string;
  reason: string;
}

export const KNOWN_DISAGREEMENTS: Partial<Record<TargetName, KnownDisagreement[]>> = {};
