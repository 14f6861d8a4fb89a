// Rules where a target's query selects other events than Sigil's engine, each with the reason.
// Every entry is a documented limitation of that target (see docs/backends.md).
import type { TargetName } from '../../src/backends/index.ts';

export interface KnownDisagreement {
  /** The end of the rule's file path. */
  rule: string;
  reason: string;
}

export const KNOWN_DISAGREEMENTS: Partial<Record<TargetName, KnownDisagreement[]>> = {
  duckdb: [
    {
      rule: 'proc_creation_win_sysinternals_psexec_paexec_escalate_system.yml',
      reason:
        "in-memory DuckDB runs out of memory (18.8 GiB) evaluating this rule's windash expansion, hundreds of LIKE branches over the JSON column",
    },
  ],
};
