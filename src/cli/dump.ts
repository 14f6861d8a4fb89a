// `sigil dump FILE.evtx…`: prints the records of EVTX files as JSON lines or XML.
import { open } from 'node:fs/promises';
import type { Command } from 'commander';
import { createStats, isEvtx } from '../sources/evtx/index.ts';
import type { EvtxStats } from '../sources/evtx/index.ts';
import { readEvtxFile, readEvtxFileXml, type ReadEvtxOptions } from '../sources/index.ts';
import { stringifyEvent } from '../sources/event-json.ts';
import type { SourceWarning } from '../sources/types.ts';
import { CliError, EXIT_FAILURE, EXIT_USAGE } from './exit-codes.ts';

interface DumpOptions {
  format: string;
  separateAttributes: boolean;
  verifyChecksums: boolean;
}

export function register(program: Command): void {
  program
    .command('dump')
    .description('Print the records of EVTX files as JSON lines (default) or XML. Warnings go to stderr.')
    .argument('<files...>', 'EVTX files (recognized by content, whatever their name)')
    .option('--format <format>', 'output format: json (one event per line) or xml', 'json')
    .option('--separate-attributes', 'write attributes beside their element as "<Name>_attributes" (Chainsaw and Hayabusa shape) instead of under "#attributes"', false)
    .option('--no-verify-checksums', 'read chunks whose header checksum does not match instead of skipping them')
    .action(async (files: string[], options: DumpOptions) => {
      if (options.format !== 'json' && options.format !== 'xml') {
        throw new CliError(`invalid --format "${options.format}": use json or xml`, EXIT_USAGE);
      }
      for (const file of files) await dumpFile(file, options);
    });
}

async function dumpFile(file: string, options: DumpOptions): Promise<void> {
  await checkIsEvtx(file);
  const stats = createStats();
  const readOptions: ReadEvtxOptions = {
    onWarning: reportWarning,
    shape: options.separateAttributes ? 'separate' : 'attributes',
    verifyChecksums: options.verifyChecksums,
    stats,
  };
  try {
    if (options.format === 'xml') {
      for await (const records of readEvtxFileXml(file, readOptions)) {
        await write(records.map((record) => record.event).join(''));
      }
    } else {
      for await (const batch of readEvtxFile(file, readOptions)) {
        let text = '';
        for (const { event } of batch) text += stringifyEvent(event) + '\n';
        await write(text);
      }
    }
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`failed to read ${file}: ${(error as Error).message}`, EXIT_FAILURE);
  }
  reportSkipped(file, stats);
}

async function checkIsEvtx(file: string): Promise<void> {
  let head: Uint8Array;
  try {
    const handle = await open(file, 'r');
    try {
      head = new Uint8Array(8);
      await handle.read(head, 0, 8, 0);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new CliError(`cannot open ${file}: ${(error as Error).message}`, EXIT_FAILURE);
  }
  if (!isEvtx(head)) throw new CliError(`${file} is not an EVTX file (it does not start with "ElfFile")`, EXIT_FAILURE);
}

function reportWarning(warning: SourceWarning): void {
  const { record, offset } = warning.position;
  const where = [record === undefined ? '' : `record ${record}`, offset === undefined ? '' : `offset ${offset}`].filter(Boolean).join(', ');
  process.stderr.write(`sigil: warning: ${warning.position.file}: ${warning.message}${where ? ` (${where})` : ''}\n`);
}

function reportSkipped(file: string, stats: EvtxStats): void {
  if (stats.skippedRecords === 0 && stats.skippedChunks === 0) return;
  process.stderr.write(
    `sigil: ${file}: ${stats.records} records read; ${stats.skippedRecords} records and ${stats.skippedChunks} chunks skipped\n`,
  );
}

/** Writes to stdout, waiting when its buffer is full; ends the process quietly when the reader has gone (EPIPE). */
function write(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const flushed = process.stdout.write(text, (error) => {
      if (error && (error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
      if (error) reject(error);
    });
    if (flushed) resolve();
    else process.stdout.once('drain', resolve);
  });
}
