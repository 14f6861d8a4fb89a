// The `sigil` command: one subcommand per file in this folder.
import { Command } from 'commander';
import { registerCommands } from './commands.ts';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from './exit-codes.ts';

const program = new Command();
program
  .name('sigil')
  .description('Sigma detection engine: hunt event logs with Sigma rules, check rules, convert them to queries.')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') {
    process.exit(0);
  }
  if (typeof code === 'string' && code.startsWith('commander.')) {
    process.exit(EXIT_USAGE);
  }
  process.stderr.write(`sigil: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof CliError ? error.exitCode : EXIT_FAILURE);
}
