// Hands EVTX files to the EVTX reader, which is loaded only when an EVTX file turns up.

import type { ReadContext, ReadOptions } from './read-options.ts';
import type { SourceEvent } from './types.ts';

/** The part of `./evtx-file.ts` that this dispatch uses. */
interface EvtxReaderModule {
  readEvtxFile(path: string, options: ReadOptions): AsyncIterable<SourceEvent[]>;
}

// NOTE: the specifier is a variable so that type checking and bundling pass while the
// EVTX reader is not on this branch yet. Once `./evtx-file.ts` exists, write the literal
// `await import('./evtx-file.ts')` here: esbuild leaves a variable import unbundled, so
// the built CLI would not find the reader otherwise.
const EVTX_READER_MODULE = './evtx-file.ts';

async function loadEvtxReader(): Promise<EvtxReaderModule | undefined> {
  try {
    return (await import(EVTX_READER_MODULE)) as EvtxReaderModule;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const missing = code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes('evtx-file');
    if (missing) return undefined;
    throw error;
  }
}

/**
 * Reads an EVTX file through the EVTX reader. When the reader is not built in, reports
 * one `UNKNOWN_FORMAT` warning for the file instead.
 */
export async function* readEvtxInput(path: string, options: ReadOptions, context: ReadContext): AsyncGenerator<SourceEvent[]> {
  const reader = await loadEvtxReader();
  if (reader === undefined) {
    context.warn('UNKNOWN_FORMAT', 'EVTX support is not built in, so this EVTX file was not read', { offset: 0 });
    return;
  }
  const { stats: _stats, ...evtxOptions } = options;
  evtxOptions.onWarning = (warning) => {
    context.stats.warnings++;
    options.onWarning?.(warning);
  };
  for await (const batch of reader.readEvtxFile(path, evtxOptions)) {
    context.stats.events += batch.length;
    yield batch;
  }
}
