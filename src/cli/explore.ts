// `sigil explore`: serve the rule explorer on loopback, or export it as a static site.
import type { Command } from 'commander';
import { resolve } from 'node:path';
import {
  buildCatalog,
  collectSiteFiles,
  exportSite,
  findPageAssets,
  startExplorerServer,
} from '../explorer/index.ts';
import { CliError, EXIT_USAGE } from './exit-codes.ts';
import { loadRuleFiles } from './rule-files.ts';

interface ExploreOptions {
  port: string;
  host: string;
  export?: string;
}

export function register(program: Command): void {
  program
    .command('explore')
    .description('Browse, search and test Sigma rules in a local web page.')
    .argument('[rules...]', 'Sigma rule files or folders, searched for .yml and .yaml files (default: the current folder)')
    .option('-p, --port <port>', 'TCP port to listen on; 0 picks a free port', '8765')
    .option('--host <address>', 'address to bind; anything but loopback exposes the rules to the network', '127.0.0.1')
    .option('--export <dir>', 'write the explorer as a static site into <dir> instead of serving it')
    .action(async (paths: string[], options: ExploreOptions) => {
      await runExplore(paths.length > 0 ? paths : ['.'], options);
    });
}

async function runExplore(paths: string[], options: ExploreOptions): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`invalid --port ${options.port}: expected a number from 0 to 65535`, EXIT_USAGE);
  }
  const started = performance.now();
  const { collection, files: fileCount } = await loadRuleFiles(paths);
  const documents = [...collection.rules, ...collection.filters, ...collection.correlations];
  const catalog = buildCatalog(documents, { roots: paths });
  const errors = collection.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `Loaded ${catalog.entries.length} rules from ${fileCount} files in ${seconds} s` +
      (errors > 0 ? ` (${errors} errors; run \`sigil check\` for details)` : '') +
      '\n',
  );

  const files = collectSiteFiles(findPageAssets(), catalog);
  if (options.export !== undefined) {
    const count = exportSite(files, options.export);
    process.stdout.write(`Wrote ${count} files to ${resolve(options.export)}; open ${resolve(options.export, 'index.html')}\n`);
    return;
  }

  const running = await startExplorerServer({
    files,
    host: options.host,
    port,
    onError: (message) => process.stderr.write(`sigil explore: ${message}\n`),
  });
  if (!['127.0.0.1', 'localhost', '::1'].includes(options.host)) {
    process.stderr.write(`Warning: listening on ${options.host}; anyone who can reach this address can read the loaded rules.\n`);
  }
  process.stdout.write(`Sigil Explorer: ${running.url}\n`);
  process.stderr.write('Press Ctrl+C to stop.\n');
  await new Promise<void>((resolvePromise) => {
    const stop = (): void => {
      process.stderr.write('Stopping the explorer.\n');
      void running.close().then(resolvePromise);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
