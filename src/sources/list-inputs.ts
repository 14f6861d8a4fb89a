// The files behind the paths given on the command line: files as they are, folders searched recursively.

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { WarningSink } from './types.ts';

/** A path given by the user that does not exist. */
export class InputNotFoundError extends Error {
  readonly code = 'INPUT_NOT_FOUND';
  readonly path: string;

  constructor(path: string) {
    super(`input not found: ${path}`);
    this.name = 'InputNotFoundError';
    this.path = path;
  }
}

export interface ListInputsOptions {
  /** Receives `READ_FAILED` for a folder inside the tree that cannot be listed. */
  onWarning?: WarningSink;
}

/** Orders paths by their UTF-16 code units, the same on every platform and locale. */
function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Expands paths into the list of files to read. A file stays as it is, and so does `-`
 * (standard input). A folder becomes every file under it, depth first, with the entries
 * of each folder sorted by name, so the order is the same on every run and platform.
 * Paths keep the order given; no file is filtered out by name, because formats are
 * detected from the content when each file is opened.
 * Throws `InputNotFoundError` for a given path that does not exist.
 */
export async function listInputs(paths: readonly string[], options: ListInputsOptions = {}): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if (path === '-') {
      files.push(path);
      continue;
    }
    const info = await stat(path).catch((error: unknown) => {
      if ((error as { code?: unknown }).code === 'ENOENT') throw new InputNotFoundError(path);
      throw error;
    });
    if (info.isDirectory()) files.push(...(await listFolder(path, options)));
    else files.push(path);
  }
  return files;
}

/**
 * Lists the files under `folder`, sorted. Symbolic links to files are kept, while links to
 * folders are not followed, so a link cycle cannot make the walk endless.
 */
async function listFolder(folder: string, options: ListInputsOptions): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    options.onWarning?.({
      code: 'READ_FAILED',
      message: `cannot list the folder: ${(error as Error).message}`,
      position: { file: folder },
    });
    return [];
  }
  entries.sort((a, b) => comparePaths(a.name, b.name));

  const files: string[] = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      files.push(...(await listFolder(path, options)));
    } else if (entry.isFile()) {
      files.push(path);
    } else if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => undefined);
      if (target === undefined) {
        options.onWarning?.({ code: 'READ_FAILED', message: 'broken symbolic link', position: { file: path } });
      } else if (target.isFile()) {
        files.push(path);
      }
    }
  }
  return files;
}
