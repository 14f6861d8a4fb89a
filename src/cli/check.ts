// `sigil check`: load and validate rules, print diagnostics and a summary.
import type { Command } from 'commander';
import { formatDiagnostic } from '../sigma/index.ts';
import { EXIT_FAILURE, EXIT_OK } from './exit-codes.ts';
import { loadPlaceholders, loadRuleFiles } from './rule-files.ts';

interface CheckOptions {
  format: 'text' | 'json';
  placeholders?: string;
  warnings: boolean;
}

/** Registers `sigil check`. */
export function register(program: Command): void {
  program
    .command('check')
    .description('Load and validate Sigma rules; print each problem as file:line:col severity code message.')
    .argument('<paths...>', 'rule files or folders (searched recursively for .yml and .yaml)')
    .option('--format <format>', 'output format: text or json', 'text')
    .option('--placeholders <file>', 'YAML map of placeholder values for the expand modifier')
    .option('--no-warnings', 'print errors only')
    .action(async (paths: string[], options: CheckOptions) => {
      process.exitCode = await runCheck(paths, options);
    });
}

async function runCheck(paths: string[], options: CheckOptions): Promise<number> {
  const placeholders = options.placeholders ? await loadPlaceholders(options.placeholders) : undefined;
  const { collection, files } = await loadRuleFiles(paths, placeholders ? { placeholders } : {});
  const diagnostics = collection.diagnostics.filter((diagnostic) => options.warnings || diagnostic.severity === 'error');
  const errors = collection.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const warnings = collection.diagnostics.length - errors;
  const failedDocuments = new Set(
    collection.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => diagnostic.span.file),
  ).size;

  if (options.format === 'json') {
    const summary = { files, rules: collection.rules.length, filters: collection.filters.length, correlations: collection.correlations.length, errors, warnings, failedFiles: failedDocuments };
    process.stdout.write(`${JSON.stringify({ summary, diagnostics }, null, 2)}\n`);
  } else {
    for (const diagnostic of diagnostics) process.stdout.write(`${formatDiagnostic(diagnostic)}\n`);
    process.stderr.write(
      `Checked ${files} files: ${collection.rules.length} rules, ${collection.filters.length} filters and ` +
        `${collection.correlations.length} correlations loaded; ${errors} errors in ${failedDocuments} files, ${warnings} warnings.\n`,
    );
  }
  return errors > 0 ? EXIT_FAILURE : EXIT_OK;
}
