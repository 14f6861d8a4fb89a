// `sigil explain`: show why each rule of a file matches an event or not.
import type { Command } from 'commander';
import { explainRule, filtersForRule } from '../engine/index.ts';
import { formatExplanation } from '../output/index.ts';
import { detectProfile } from '../profiles/index.ts';
import { formatDiagnostic } from '../sigma/index.ts';
import { openInput, stringifyEvent } from '../sources/index.ts';
import { CliError, EXIT_OK } from './exit-codes.ts';
import { resolveProfileOption } from './profile-option.ts';
import { loadRuleFiles } from './rule-files.ts';

interface ExplainOptions {
  profile?: string;
  format: 'text' | 'json';
}

/** Registers `sigil explain`. */
export function register(program: Command): void {
  program
    .command('explain')
    .description('Explain, for each rule and each event, which selections and field conditions were true or false and why.')
    .argument('<rule>', 'rule file or folder')
    .argument('<events>', 'file with one or more events (JSON, JSON lines, EVTX); - for standard input')
    .option('-p, --profile <name>', 'event profile: auto, windows, winlogbeat, raw, or a profile file', 'auto')
    .option('--format <format>', 'output format: text or json', 'text')
    .action(async (rulePath: string, eventsPath: string, options: ExplainOptions) => {
      process.exitCode = await runExplain(rulePath, eventsPath, options);
    });
}

async function runExplain(rulePath: string, eventsPath: string, options: ExplainOptions): Promise<number> {
  const color = process.stdout.isTTY === true && !process.env['NO_COLOR'];
  const fixedProfile = await resolveProfileOption(options.profile);
  const { collection } = await loadRuleFiles([rulePath]);
  for (const diagnostic of collection.diagnostics) process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  if (collection.rules.length === 0) throw new CliError(`no rule could be loaded from ${rulePath}`);

  let events = 0;
  const onWarning = (warning: { message: string; position: { file: string; line?: number } }): void => {
    process.stderr.write(`warning: ${warning.position.file}${warning.position.line ? `:${warning.position.line}` : ''}: ${warning.message}\n`);
  };
  for await (const batch of openInput(eventsPath, { onWarning })) {
    for (const { event, position } of batch) {
      events++;
      const profile = fixedProfile ?? detectProfile(event);
      for (const rule of collection.rules) {
        const explanation = explainRule(rule, event, profile, filtersForRule(rule, collection.filters));
        const where = `${position.file}${position.line ? `:${position.line}` : ''}${position.record ? ` record ${position.record}` : ''}`;
        if (options.format === 'json') {
          process.stdout.write(`${stringifyEvent({ rule: { id: rule.id ?? null, title: rule.title }, event: where, profile: profile.name, ...explanation })}\n`);
        } else {
          process.stdout.write(formatExplanation(`${rule.title} on ${where} (profile ${profile.name})`, explanation, color));
        }
      }
    }
  }
  if (events === 0) throw new CliError(`no event found in ${eventsPath}`);
  return EXIT_OK;
}
