// `sigil hunt`: run Sigma rules over log files and print every detection.
import { Command, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { CorrelationStage, Hunter, huntInParallel, planTasks, selectRules } from '../hunt/index.ts';
import { getProfile } from '../profiles/index.ts';
import { createFormatter, HuntSummary, OUTPUT_FORMATS, type OutputFormat, type RuleDetection } from '../output/index.ts';
import { formatDiagnostic, RULE_LEVELS, RULE_STATUSES, type RuleLevel, type RuleStatus, type SigmaRule } from '../sigma/index.ts';
import { InputNotFoundError, listInputs, STDIN_PATH, type SourceWarning } from '../sources/index.ts';
import { CliError, EXIT_DETECTIONS, EXIT_OK, EXIT_USAGE } from './exit-codes.ts';
import { OutputSink } from './output-sink.ts';
import { resolveProfileOption } from './profile-option.ts';
import { Progress } from './progress.ts';
import { ruleCacheFolder } from './rule-cache.ts';
import { loadPlaceholders, loadRuleFiles } from './rule-files.ts';

interface HuntOptions {
  rules: string[];
  profile?: string;
  format?: OutputFormat;
  output?: string;
  minLevel?: RuleLevel;
  status: RuleStatus[];
  tag: string[];
  excludeRule: string[];
  filter: string[];
  placeholders?: string;
  failOnDetection: boolean;
  maxGroups?: string;
  summary: boolean;
  quiet: boolean;
  cache: boolean;
  threads?: number;
  profileRules: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

function parseThreads(value: string): number {
  const threads = Number(value);
  if (!Number.isInteger(threads) || threads < 1) throw new CliError(`invalid --threads '${value}': give a whole number of at least 1`, EXIT_USAGE);
  return threads;
}

/** Registers `sigil hunt`. */
export function register(program: Command): void {
  program
    .command('hunt')
    .description('Run Sigma rules over event logs (EVTX, JSON, JSON lines, gzip) and print every detection.')
    .argument('<paths...>', `log files or folders (searched recursively); ${STDIN_PATH} reads standard input`)
    .option('-r, --rules <path>', 'rule file or folder; repeat for more (required)', collect, [])
    .option('-p, --profile <name>', 'event profile: auto, windows, winlogbeat, raw, or a profile file', 'auto')
    .addOption(new Option('-f, --format <format>', 'output format (default: table on a terminal, jsonl otherwise)').choices(OUTPUT_FORMATS))
    .option('-o, --output <file>', 'write detections to a file instead of standard output')
    .addOption(new Option('--min-level <level>', 'only rules of this level or higher').choices(RULE_LEVELS))
    .option('--status <status>', `only rules with this status (${RULE_STATUSES.join(', ')}); repeat for more`, collect, [])
    .option('--tag <tag>', 'only rules with this tag (e.g. attack.t1059); repeat for more', collect, [])
    .option('--exclude-rule <id>', 'leave out the rule with this id or name; repeat for more', collect, [])
    .option('--filter <path>', 'Sigma filter file or folder applied to the rules; repeat for more', collect, [])
    .option('--placeholders <file>', 'YAML map of values for the expand modifier placeholders')
    .option('--max-groups <count>', 'most open groups per correlation rule before new groups are dropped with a warning', '100000')
    .option('--fail-on-detection', `exit with code ${EXIT_DETECTIONS} when any rule fired`, false)
    .option('--no-summary', 'do not print the summary on standard error')
    .option('-q, --quiet', 'print no warnings, only detections and errors', false)
    .option('--threads <n>', 'worker threads, each hunting whole files or 4 MiB ranges of large EVTX files (default: the number of cores)', parseThreads)
    .option('--profile-rules', 'time every rule and print the slowest ones on standard error (one thread)', false)
    .option('--no-cache', `parse every rule file again instead of reading the parsed-rule cache in ${ruleCacheFolder()}`)
    .action(async (paths: string[], options: HuntOptions) => {
      process.exitCode = await runHunt(paths, options);
    });
}

async function runHunt(paths: string[], options: HuntOptions): Promise<number> {
  if (options.rules.length === 0) throw new CliError('missing rules: give at least one -r, --rules PATH', EXIT_USAGE);
  const unknownStatus = options.status.find((status) => !RULE_STATUSES.includes(status));
  if (unknownStatus) throw new CliError(`unknown status '${unknownStatus}': use ${RULE_STATUSES.join(', ')}`, EXIT_USAGE);
  const color = process.stderr.isTTY === true && !process.env['NO_COLOR'];
  const log = (message: string): void => {
    if (!options.quiet) process.stderr.write(`${message}\n`);
  };
  const summary = new HuntSummary();
  const progress = new Progress();

  const profile = await resolveProfileOption(options.profile);
  const placeholders = options.placeholders ? await loadPlaceholders(options.placeholders) : undefined;
  const { collection } = await loadRuleFiles([...options.rules, ...options.filter], { ...(placeholders ? { placeholders } : {}), cache: options.cache });
  for (const diagnostic of collection.diagnostics) {
    if (diagnostic.severity === 'error') log(`warning: rule skipped: ${formatDiagnostic(diagnostic)}`);
  }
  const selection = {
    ...(options.minLevel ? { minLevel: options.minLevel } : {}),
    statuses: options.status,
    tags: options.tag,
    exclude: options.excludeRule,
  };
  const rules = selectRules(collection.rules, selection);
  const selectedCorrelations = new Set(selectRules(collection.correlations, selection));
  if (collection.rules.length === 0) throw new CliError(`no rule could be loaded from ${options.rules.join(', ')}`);
  summary.rulesLoaded = rules.length;
  summary.correlationsLoaded = collection.correlations.length;
  summary.rulesFailed = new Set(collection.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => `${diagnostic.span.file}`)).size;

  const inputs = await listInputs(paths).catch((error: unknown) => {
    if (error instanceof InputNotFoundError) throw new CliError(error.message);
    throw error;
  });

  const format: OutputFormat = options.format ?? (options.output === undefined && process.stdout.isTTY ? 'table' : 'jsonl');
  const formatter = createFormatter(format, { color: color && options.output === undefined && process.stdout.isTTY === true, width: process.stdout.columns ?? 200 });
  const sink = new OutputSink(options.output);
  sink.write(formatter.start());

  const maxGroups = Number(options.maxGroups);
  if (!Number.isInteger(maxGroups) || maxGroups < 1) throw new CliError(`--max-groups must be a positive whole number, not '${options.maxGroups}'`, EXIT_USAGE);
  // Correlations see the detections of every rule they reference, even rules left out by the selection options.
  const correlationStage = new CorrelationStage(collection, (detection) => profile ?? getProfile(detection.profile)!, { maxGroups });
  const selected = new Set(rules);
  const huntedRules = [...rules, ...correlationStage.referencedRules.filter((rule) => !selected.has(rule))];
  let lastProfile: string | undefined;
  const onWarning = (warning: SourceWarning): void => {
    summary.addSkipped(warning.code);
    const where = [warning.position.line && `line ${warning.position.line}`, warning.position.record && `record ${warning.position.record}`, warning.position.chunk !== undefined && `chunk ${warning.position.chunk}`, warning.position.offset !== undefined && `offset ${warning.position.offset}`]
      .filter(Boolean)
      .join(', ');
    progress.clear();
    log(`warning: ${warning.position.file}${where ? ` (${where})` : ''}: ${warning.code} ${warning.message}`);
  };
  const onDetection = (detection: RuleDetection): void => {
    correlationStage.accept(detection);
    if (!selected.has(detection.rule) || correlationStage.suppresses(detection.rule)) return;
    summary.addDetection(detection.rule);
    sink.write(formatter.format(detection));
  };
  const onProfile = (file: string, chosen: string): void => {
    // Said for the first input and whenever the profile changes, not for every file.
    if (!profile && chosen !== lastProfile) log(`${file}: events look like ${chosen} events; using the ${chosen} profile`);
    lastProfile = chosen;
  };
  const onRuleError = (rule: SigmaRule, message: string, chosen: string): void => log(`warning: rule '${rule.title}' (${rule.origin.file}) cannot run with profile ${chosen}: ${message}`);
  const showProgress = async (): Promise<void> => {
    progress.update(`${summary.files}/${inputs.length} files, ${summary.events} events, ${summary.detections} detections`);
    await sink.flushIfLarge();
  };

  // Standard input cannot be shared with workers, and one small file is not worth starting them.
  const requested = options.profileRules || inputs.includes(STDIN_PATH) ? 1 : (options.threads ?? availableParallelism());
  const tasks = requested > 1 ? await planTasks(inputs) : [];
  const threads = Math.min(requested, tasks.length);
  if (threads > 1) {
    const eventsByProfile = await huntInParallel(inputs, {
      tasks,
      rules: huntedRules,
      filters: collection.filters,
      ...(options.profile !== undefined && options.profile !== 'auto' ? { profile: options.profile } : {}),
      ...(profile ? { resolvedProfile: profile } : {}),
      threads,
      workerUrl: new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url),
      onDetection,
      onWarning,
      onProfile,
      onRuleError,
      onFileDone: async (_path, events) => {
        summary.events += events;
        summary.files++;
        await showProgress();
      },
    });
    for (const [name, count] of eventsByProfile) summary.profiles.set(name, count);
  } else {
    const hunter = new Hunter({
      rules: huntedRules,
      filters: collection.filters,
      ...(profile ? { profile } : {}),
      profileRules: options.profileRules,
      onDetection,
      onProfile: (file, chosen) => onProfile(file, chosen.name),
      onRuleError: (error, chosen) => onRuleError(error.rule, error.message, chosen.name),
      afterBatch: showProgress,
    });
    for (const input of inputs) {
      summary.events += await hunter.huntInput(input, { onWarning });
      summary.files++;
    }
    for (const [name, count] of hunter.eventsByProfile) summary.profiles.set(name, count);
    if (options.profileRules) printRuleProfile(hunter);
  }

  const correlated = correlationStage.finish();
  for (const warning of correlated.warnings) {
    summary.addSkipped(warning.code);
    log(`warning: ${warning.correlation ? `correlation '${warning.correlation.title}': ` : ''}${warning.code} ${warning.message}`);
  }
  for (const alert of correlated.alerts) {
    if (!selectedCorrelations.has(alert.rule)) continue;
    summary.addDetection(alert.rule);
    sink.write(formatter.format(alert));
  }

  sink.write(formatter.finish());
  await sink.close();
  progress.clear();
  if (options.summary) process.stderr.write(summary.format(color));
  return options.failOnDetection && summary.detections > 0 ? EXIT_DETECTIONS : EXIT_OK;
}

/** Prints the rules that took the most time, slowest first. */
function printRuleProfile(hunter: Hunter): void {
  for (const ruleSet of hunter.ruleSets()) {
    const costs = ruleSet.ruleProfile();
    const { events, tried, skipped } = ruleSet.stats;
    process.stderr.write(`\nprofile ${ruleSet.profile.name}: ${events} events, ${tried} rule tries, ${skipped} skipped by the literal prefilter\n`);
    process.stderr.write(`${'ms'.padStart(9)} ${'tries'.padStart(9)} ${'matches'.padStart(8)}  rule\n`);
    for (const cost of costs.slice(0, 25)) {
      process.stderr.write(`${cost.milliseconds.toFixed(1).padStart(9)} ${String(cost.tries).padStart(9)} ${String(cost.matches).padStart(8)}  ${cost.rule.rule.title} (${cost.rule.rule.origin.file})\n`);
    }
  }
}
