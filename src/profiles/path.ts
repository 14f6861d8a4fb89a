// Paths into events: parsed once into keys and flags, then walked for every event without allocating.

const PLAIN = 0;
const WILDCARD = 1;
/** The key also names a member of Object.prototype, so a plain lookup could find an inherited value. */
const INHERITED = 2;

/** A path ready for resolvePath. */
export interface CompiledPath {
  readonly keys: readonly string[];
  /** Each key as a list index, or -1 when it is not a non-negative integer. */
  readonly indexes: readonly number[];
  /** PLAIN, WILDCARD (`*`: any key of an object, any item of a list) or INHERITED, per key. */
  readonly kinds: Uint8Array;
}

const INDEX = /^(0|[1-9]\d*)$/;

/** Compiles a path given as keys into the form resolvePath walks. */
export function compilePath(keys: readonly string[]): CompiledPath {
  const kinds = new Uint8Array(keys.length);
  keys.forEach((key, i) => {
    if (key === '*') kinds[i] = WILDCARD;
    else if (key in Object.prototype) kinds[i] = INHERITED;
  });
  return { keys: [...keys], indexes: keys.map((key) => (INDEX.test(key) ? Number(key) : -1)), kinds };
}

/** Splits a dotted path such as `Event.System.Channel` into keys. */
export function splitDottedPath(text: string): string[] {
  return text.split('.');
}

/**
 * Returns the value at `path` in `root` (from key `start` on), or undefined when a step is missing.
 * A number key indexes a list. Any other key met on a list is looked up in every item, and the values
 * found come back as one list, so `a.b` on `{a: [{b: 1}, {b: 2}]}` gives `[1, 2]`.
 * Only that case and a `*` key on a list allocate.
 */
export function resolvePath(root: unknown, path: CompiledPath, start = 0): unknown {
  const { keys, kinds } = path;
  let current = root;
  for (let i = start; i < keys.length; i++) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      const index = path.indexes[i]!;
      if (index < 0) return collectFromItems(current, path, kinds[i] === WILDCARD ? i + 1 : i);
      current = current[index];
      continue;
    }
    const kind = kinds[i];
    if (kind !== PLAIN) {
      if (kind === WILDCARD) return resolveAnyMember(current, path, i + 1);
      if (!Object.hasOwn(current, keys[i]!)) return undefined;
    }
    current = (current as Record<string, unknown>)[keys[i]!];
  }
  return current;
}

/** Resolves a `*` on an object: the first member that has the rest of the path wins. */
function resolveAnyMember(current: object, path: CompiledPath, next: number): unknown {
  for (const key in current) {
    if (!Object.hasOwn(current, key)) continue;
    const found = resolvePath((current as Record<string, unknown>)[key], path, next);
    if (found !== undefined) return found;
  }
  return undefined;
}

function collectFromItems(items: readonly unknown[], path: CompiledPath, next: number): unknown {
  let found: unknown[] | undefined;
  for (const item of items) {
    const value = resolvePath(item, path, next);
    if (value === undefined) continue;
    found ??= [];
    if (Array.isArray(value)) found.push(...value);
    else found.push(value);
  }
  return found;
}
