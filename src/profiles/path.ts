// Paths into events: parsed once into segments, then walked for every event without allocating.

/** One step of a compiled path. */
export interface PathSegment {
  key: string;
  /** The key as a list index, or -1 when it is not a non-negative integer. */
  index: number;
  /** `*`: any key of an object, or any item of a list. */
  wildcard: boolean;
  /** The key also names a member of Object.prototype, so a plain lookup could find an inherited value. */
  inherited: boolean;
}

export type CompiledPath = readonly PathSegment[];

const INDEX = /^(0|[1-9]\d*)$/;

/** Compiles a path given as keys into the segments the walker uses. */
export function compilePath(keys: readonly string[]): CompiledPath {
  return keys.map((key) => ({
    key,
    index: INDEX.test(key) ? Number(key) : -1,
    wildcard: key === '*',
    inherited: key in Object.prototype,
  }));
}

/** Splits a dotted path such as `Event.System.Channel` into keys. */
export function splitDottedPath(text: string): string[] {
  return text.split('.');
}

/**
 * Returns the value at `path` in `root`, or undefined when a step is missing.
 * A list met on the way is searched item by item and the values found are returned as a list,
 * so `a.b` on `{a: [{b: 1}, {b: 2}]}` gives `[1, 2]`. A number segment indexes the list instead.
 */
export function resolvePath(root: unknown, path: CompiledPath): unknown {
  let current = root;
  for (let i = 0; i < path.length; i++) {
    if (current === null || typeof current !== 'object') return undefined;
    const segment = path[i]!;
    if (segment.wildcard || Array.isArray(current)) return resolveBranching(current, path, i);
    if (segment.inherited && !Object.hasOwn(current, segment.key)) return undefined;
    current = (current as Record<string, unknown>)[segment.key];
  }
  return current;
}

/** The slow path of resolvePath: a wildcard or a list at step `start`. */
function resolveBranching(current: object, path: CompiledPath, start: number): unknown {
  const segment = path[start]!;
  const rest = path.slice(start + 1);
  if (Array.isArray(current)) {
    if (segment.index >= 0) return resolvePath(current[segment.index], rest);
    if (segment.wildcard) return collectFromItems(current, rest);
    return collectFromItems(current, path.slice(start));
  }
  // A wildcard on an object: the first member that has the rest of the path wins.
  for (const key in current) {
    if (!Object.hasOwn(current, key)) continue;
    const found = resolvePath((current as Record<string, unknown>)[key], rest);
    if (found !== undefined) return found;
  }
  return undefined;
}

function collectFromItems(items: readonly unknown[], rest: CompiledPath): unknown {
  const found: unknown[] = [];
  for (const item of items) {
    const value = resolvePath(item, rest);
    if (value === undefined) continue;
    if (Array.isArray(value)) found.push(...value);
    else found.push(value);
  }
  return found.length > 0 ? found : undefined;
}
