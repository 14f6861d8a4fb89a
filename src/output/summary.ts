// Counts kept during a hunt and the summary printed at its end.
import pc from 'picocolors';
import { RULE_LEVELS, type RuleLevel, type RuleMetadata } from '../sigma/index.ts';

/** ATT&CK tactic tags as Sigma writes them (`attack.defense-evasion`). */
const TACTICS = new Set([
  'reconnaissance', 'resource-development', 'initial-access', 'execution', 'persistence', 'privilege-escalation',
  'defense-evasion', 'credential-access', 'discovery', 'lateral-movement', 'collection', 'command-and-control',
  'exfiltration', 'impact',
]);

/** Running totals of a hunt. */
export class HuntSummary {
  files = 0;
  events = 0;
  detections = 0;
  rulesLoaded = 0;
  rulesFailed = 0;
  correlationsLoaded = 0;
  skipped = new Map<string, number>();
  readonly byLevel = new Map<RuleLevel, number>();
  readonly byRule = new Map<RuleMetadata, number>();
  readonly byTactic = new Map<string, number>();
  readonly profiles = new Map<string, number>();
  readonly started = Date.now();

  addDetection(rule: RuleMetadata): void {
    this.detections++;
    const level = rule.level ?? 'informational';
    this.byLevel.set(level, (this.byLevel.get(level) ?? 0) + 1);
    this.byRule.set(rule, (this.byRule.get(rule) ?? 0) + 1);
    for (const tag of rule.tags) {
      const tactic = tag.toLowerCase().replace(/^attack\./, '').replace(/_/g, '-');
      if (tag.toLowerCase().startsWith('attack.') && TACTICS.has(tactic)) this.byTactic.set(tactic, (this.byTactic.get(tactic) ?? 0) + 1);
    }
  }

  addSkipped(code: string): void {
    this.skipped.set(code, (this.skipped.get(code) ?? 0) + 1);
  }

  /** Formats the summary as lines of text for stderr. */
  format(color: boolean): string {
    const seconds = Math.max(0.001, (Date.now() - this.started) / 1000);
    const bold = color ? pc.bold : (text: string) => text;
    const lines: string[] = [];
    lines.push(bold('Summary'));
    lines.push(`  files read:     ${this.files}`);
    lines.push(`  events read:    ${this.events}${this.profiles.size > 0 ? ` (${[...this.profiles].map(([name, count]) => `${name}: ${count}`).join(', ')})` : ''}`);
    lines.push(`  rules:          ${this.rulesLoaded} loaded${this.correlationsLoaded > 0 ? `, ${this.correlationsLoaded} correlations` : ''}${this.rulesFailed > 0 ? `, ${this.rulesFailed} files with errors` : ''}`);
    const levels = [...RULE_LEVELS].reverse().map((level) => `${level} ${this.byLevel.get(level) ?? 0}`).join(', ');
    lines.push(`  detections:     ${this.detections} (${levels})`);
    if (this.skipped.size > 0) {
      lines.push(`  skipped:        ${[...this.skipped].map(([code, count]) => `${count} ${code}`).join(', ')}`);
    }
    const topRules = [...this.byRule].sort((left, right) => right[1] - left[1]).slice(0, 10);
    if (topRules.length > 0) {
      lines.push('  top rules:');
      for (const [rule, count] of topRules) lines.push(`    ${String(count).padStart(6)}  ${rule.title} [${rule.level ?? '-'}]`);
    }
    if (this.byTactic.size > 0) {
      lines.push(`  ATT&CK tactics: ${[...this.byTactic].sort((left, right) => right[1] - left[1]).map(([tactic, count]) => `${tactic} ${count}`).join(', ')}`);
    }
    lines.push(`  elapsed:        ${seconds.toFixed(2)} s, ${Math.round(this.events / seconds)} events/s`);
    return `${lines.join('\n')}\n`;
  }
}
