// Hands EVTX files to the EVTX reader, which is loaded only when an EVTX file turns up.

import type { ReadContext, ReadOptions } from './read-options.ts';
import type { SourceEvent, SourceWarning } from './types.ts';

/** Reads an EVTX file through the EVTX reader, counting its events and warnings in the shared totals. */
export async function* readEvtxInput(path: string, options: ReadOptions, context: ReadContext): AsyncGenerator<SourceEvent[]> {
  const reader = await import('./evtx-file.ts');
  const onWarning = (warning: SourceWarning): void => {
    context.stats.warnings++;
    options.onWarning?.(warning);
  };
  for await (const batch of reader.readEvtxFile(path, { onWarning })) {
    context.stats.events += batch.length;
    yield batch;
  }
}
