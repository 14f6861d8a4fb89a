// Hands EVTX files to the EVTX reader, which is loaded only when an EVTX file turns up.

import type { ReadContext } from './read-options.ts';
import type { SourceEvent } from './types.ts';

/**
 * Reads an EVTX file through the EVTX reader. Its warnings go to the same sink and
 * counters as those of the JSON readers, and a file that cannot be read becomes a
 * `READ_FAILED` warning.
 */
export async function* readEvtxInput(path: string, context: ReadContext): AsyncGenerator<SourceEvent[]> {
  const { readEvtxFile } = await import('./evtx-file.ts');
  const batches = readEvtxFile(path, { onWarning: (warning) => context.report(warning) });
  try {
    for await (const batch of batches) {
      context.stats.events += batch.length;
      yield batch;
    }
  } catch (error) {
    context.skip('READ_FAILED', `reading the EVTX file failed: ${(error as Error).message}`, {});
  }
}
