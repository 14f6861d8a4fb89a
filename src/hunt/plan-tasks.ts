// Splits the inputs of a parallel hunt into tasks: whole files, except EVTX files larger than
// one range of chunks, which are split so that several workers can hunt one large log.
import { open, stat } from 'node:fs/promises';
import { CHUNK_SIZE, FILE_HEADER_SIZE, isEvtx } from '../sources/evtx/index.ts';
import { planChunkRanges } from '../sources/index.ts';
import { STDIN_PATH } from '../sources/index.ts';
import type { HuntTask } from './worker-protocol.ts';

/** Chunks per task: 64 chunks are 4 MiB of EVTX, tens of thousands of records. */
export const DEFAULT_CHUNKS_PER_TASK = 64;

/** A task with the index of the input it belongs to. */
export interface PlannedTask extends HuntTask {
  input: number;
}

/** Returns the tasks for the inputs, in output order: input by input, chunk ranges in file order. */
export async function planTasks(inputs: readonly string[], chunksPerTask = DEFAULT_CHUNKS_PER_TASK): Promise<PlannedTask[]> {
  const tasks: PlannedTask[] = [];
  for (const [input, path] of inputs.entries()) {
    const size = path === STDIN_PATH ? 0 : await fileSize(path);
    if (size > FILE_HEADER_SIZE + chunksPerTask * CHUNK_SIZE && (await startsAsEvtx(path))) {
      for (const chunks of planChunkRanges(size, chunksPerTask)) tasks.push({ task: tasks.length, input, path, chunks });
    } else {
      tasks.push({ task: tasks.length, input, path });
    }
  }
  return tasks;
}

/** Returns the file's size, or 0 when it cannot be read (the worker then reports why). */
async function fileSize(path: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  return info?.isFile() ? info.size : 0;
}

async function startsAsEvtx(path: string): Promise<boolean> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const head = new Uint8Array(8);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return isEvtx(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
