// `sigil convert`: print one query per rule for a target query language.
import type { Command } from 'commander';
import { backendProfile, convertRule, DEFAULT_TARGET_OPTIONS, isTargetName, TARGET_NAMES, type TargetOptions } from '../backends/index.ts';
import { builtinProfiles, getProfile } from '../profiles/index.ts';
import { formatDiagnostic } from '../sigma/index.ts';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { resolveProfileOption } from './profile-option.ts';
import { loadPlaceholders, loadRuleFiles } from './rule-files.ts';

interface ConvertCliOptions {
  target: string;
  profile: string;
  format: 'text' | 'json';
  layout: string;
  table: string;
  column: string;
  index: string;
  placeholders?: string;
}

/** Registers `sigil convert`. */
export function register(program: Command): void {
  program
    .command('convert')
    .description('Convert Sigma rules to queries for SQL engines, Elasticsearch, Splunk or KQL; rejected rules are listed on stderr.')
    .argument('<paths...>', 'rule files or folders (searched recursively for .yml and .yaml)')
    .requiredOption('-t, --target <target>', `query language: ${TARGET_NAMES.join(', ')}`)
    .option('--profile <profile>', `field names and logsources: ${[...builtinProfiles.keys()].join(', ')}, or a profile file`, 'windows')
    .option('--format <format>', 'output: text (one query per line) or json (id, title and query per rule)', 'text')
    .option('--layout <layout>', 'SQL table layout: json (one JSON column) or flat (one column per field)', DEFAULT_TARGET_OPTIONS.layout)
    .option('--table <name>', 'SQL and KQL table name', DEFAULT_TARGET_OPTIONS.table)
    .option('--column <name>', 'JSON column of the SQL json layout', DEFAULT_TARGET_OPTIONS.column)
    .option('--index <pattern>', 'ES|QL index pattern after FROM', DEFAULT_TARGET_OPTIONS.index)
    .option('--placeholders <file>', 'YAML map of placeholder values for the expand modifier')
    .action(async (paths: string[], options: ConvertCliOptions) => {
      process.exitCode = await runConvert(paths, options);
    });
}

async function runConvert(paths: string[], options: ConvertCliOptions): Promise<number> {
  const target = options.target;
  if (!isTargetName(target)) throw new CliError(`unknown target '${target}': use one of ${TARGET_NAMES.join(', ')}`, EXIT_USAGE);
  if (options.layout !== 'json' && options.layout !== 'flat') throw new CliError(`unknown layout '${options.layout}': use json or flat`, EXIT_USAGE);
  if (options.format !== 'text' && options.format !== 'json') throw new CliError(`unknown format '${options.format}': use text or json`, EXIT_USAGE);
  const profile = (await resolveProfileOption(options.profile)) ?? getProfile('windows')!;
  const targetOptions: TargetOptions = { layout: options.layout, table: options.table, column: options.column, index: options.index };

  const placeholders = options.placeholders ? await loadPlaceholders(options.placeholders) : undefined;
  const { collection } = await loadRuleFiles(paths, placeholders ? { placeholders } : {});
  for (const diagnostic of collection.diagnostics.filter((entry) => entry.severity === 'error')) {
    process.stderr.write(`${formatDiagnostic(diagnostic)}\n`);
  }

  const reasons = new Map<string, number>();
  const converted: Array<{ id: string | null; title: string; file: string; query: string }> = [];
  for (const rule of collection.rules) {
    const result = convertRule(rule, { target, profile: backendProfile(profile), options: targetOptions });
    if (result.ok) {
      converted.push({ id: rule.id ?? null, title: rule.title, file: rule.origin.file, query: result.query });
    } else {
      process.stderr.write(`${rule.origin.file}: rejected "${rule.title}": ${result.error.message}\n`);
      reasons.set(result.error.construct, (reasons.get(result.error.construct) ?? 0) + 1);
    }
  }
  for (const correlation of collection.correlations) {
    process.stderr.write(`${correlation.origin.file}: rejected "${correlation.title}": correlation rules are not converted yet\n`);
    reasons.set('correlation', (reasons.get('correlation') ?? 0) + 1);
  }

  if (options.format === 'json') process.stdout.write(`${JSON.stringify(converted, null, 2)}\n`);
  else for (const entry of converted) process.stdout.write(`${entry.query}\n`);

  const rejected = [...reasons.values()].reduce((sum, count) => sum + count, 0);
  const reasonText = [...reasons].sort((a, b) => b[1] - a[1]).map(([construct, count]) => `${construct} ×${count}`).join(', ');
  process.stderr.write(`Converted ${converted.length} rules to ${target}; rejected ${rejected}${rejected > 0 ? ` (${reasonText})` : ''}.\n`);
  return rejected > 0 || collection.diagnostics.some((entry) => entry.severity === 'error') ? EXIT_FAILURE : EXIT_OK;
}
