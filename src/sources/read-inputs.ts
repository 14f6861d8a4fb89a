// Every event of several inputs, in the order the paths list them.

import { listInputs } from './list-inputs.ts';
import { openInput } from './open-input.ts';
import type { ReadOptions } from './read-options.ts';
import type { SourceEvent } from './types.ts';

/**
 * Lists the files behind `paths` (see `listInputs`) and reads them one after another.
 * Throws `InputNotFoundError` before reading anything when a given path does not exist.
 */
export async function* readInputs(paths: readonly string[], options: ReadOptions = {}): AsyncGenerator<SourceEvent[]> {
  const files = await listInputs(paths, options.onWarning === undefined ? {} : { onWarning: options.onWarning });
  for (const file of files) yield* openInput(file, options);
}
