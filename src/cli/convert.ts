// `sigil convert`: print one query per rule and correlation for a target query language.
import type { Command } from 'commander';
import {
  backendProfile,
  convertCorrelations,
  convertRule,
  DEFAULT_TARGET_OPTIONS,
  isTargetName,
  TARGET_NAMES,
  type BackendUnsupportedError,
  type TargetOptions,
} from '../backends/index.ts';
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
    .option('--format <format>', 'output: text (one query per line) or json (id, title, kind, file and query per rule or correlation)', 'text')
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
  const converted: Array<{ id: string | null; title: string; kind: 'rule' | 'correlation'; file: string; query: string }> = [];
  const reject = (document: { title: string; origin: { file: string } }, error: BackendUnsupportedError): void => {
    process.stderr.write(`${document.origin.file}: rejected "${document.title}": ${error.message}\n`);
    reasons.set(error.construct, (reasons.get(error.construct) ?? 0) + 1);
  };
  const convertOptions = { target, profile: backendProfile(profile), options: targetOptions };
  for (const rule of collection.rules) {
    const result = convertRule(rule, convertOptions);
    if (result.ok) converted.push({ id: rule.id ?? null, title: rule.title, kind: 'rule', file: rule.origin.file, query: result.query });
    else reject(rule, result.error);
  }
  // Each correlation query contains the conditions of the rules it references, which may be in other files.
  for (const result of convertCorrelations(collection, convertOptions)) {
    const { correlation } = result;
    if (result.ok) {
      converted.push({ id: correlation.id ?? null, title: correlation.title, kind: 'correlation', file: correlation.origin.file, query: result.query });
    } else {
      reject(correlation, result.error);
    }
  }

  if (options.format === 'json') process.stdout.write(`${JSON.stringify(converted, null, 2)}\n`);
  else for (const entry of converted) process.stdout.write(`${entry.query}\n`);

  const rejected = [...reasons.values()].reduce((sum, count) => sum + count, 0);
  const reasonText = [...reasons].sort((a, b) => b[1] - a[1]).map(([construct, count]) => `${construct} ×${count}`).join(', ');
  const correlations = converted.filter((entry) => entry.kind === 'correlation').length;
  const what = `${converted.length - correlations} rules and ${correlations} correlations`;
  process.stderr.write(`Converted ${what} to ${target}; rejected ${rejected}${rejected > 0 ? ` (${reasonText})` : ''}.\n`);
  return rejected > 0 || collection.diagnostics.some((entry) => entry.severity === 'error') ? EXIT_FAILURE : EXIT_OK;
}
