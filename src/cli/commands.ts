// The list of subcommands. Each module exports `register(program)`.
import type { Command } from 'commander';
import { register as registerCheck } from './check.ts';
import { register as registerConvert } from './convert.ts';
import { register as registerDump } from './dump.ts';
import { register as registerExplain } from './explain.ts';
import { register as registerHunt } from './hunt.ts';
import { register as registerExplore } from './explore.ts';
import { register as registerLoadSql } from './load-sql.ts';

type Register = (program: Command) => void;

const commands: Register[] = [registerHunt, registerCheck, registerExplain, registerDump, registerConvert, registerLoadSql, registerExplore];

/** Adds every subcommand to the program. */
export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
