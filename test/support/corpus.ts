// Where the shared test corpus is, and a clear skip when it is absent.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The corpus folder beside the repository (`../shared/corpus`). */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** Undefined when the corpus is present; otherwise the reason to give `test.skip`. */
export function corpusMissing(subpath = ''): string | undefined {
  return existsSync(CORPUS + subpath) ? undefined : `corpus not found at ${CORPUS}${subpath}; this test needs ../shared/corpus`;
}

/** The repository root. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));
