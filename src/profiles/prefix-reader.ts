// Reading many fields below the same object: the windows profile reads every EventData field
// at `Event.EventData.<name>`, so the walk to `Event.EventData` is done once per event and
// shared by all of them.
import { compilePath, resolvePath, type CompiledPath } from './path.ts';

/** Reads the value at one path of an event. */
export type PathReader = (event: Record<string, unknown>) => unknown;

/** The value at a leading part of paths, computed once per event. */
class SharedPrefix {
  private readonly path: CompiledPath;
  // Events are not changed while they are matched (the engine's accessor cache relies on
  // the same), so `value` stays valid while the same event object is read.
  private lastEvent: Record<string, unknown> | undefined;
  private value: unknown;

  constructor(keys: readonly string[]) {
    this.path = compilePath(keys);
  }

  resolve(event: Record<string, unknown>): unknown {
    if (event !== this.lastEvent) {
      this.value = resolvePath(event, this.path);
      this.lastEvent = event;
    }
    return this.value;
  }
}

/** Builds path readers whose leading parts are shared. */
export class PrefixReaders {
  private readonly prefixes = new Map<string, SharedPrefix>();

  /** Returns a reader that gives the same value as `resolvePath(event, compilePath(keys))`. */
  reader(keys: readonly string[]): PathReader {
    const full = compilePath(keys);
    const wildcard = keys.indexOf('*');
    const split = Math.min(wildcard < 0 ? keys.length - 1 : wildcard, keys.length - 1);
    if (split <= 0) return (event) => resolvePath(event, full);

    const prefixKeys = keys.slice(0, split);
    const id = prefixKeys.join('\u0000');
    let prefix = this.prefixes.get(id);
    if (prefix === undefined) {
      prefix = new SharedPrefix(prefixKeys);
      this.prefixes.set(id, prefix);
    }
    const shared = prefix;
    const rest = compilePath(keys.slice(split));
    return (event) => {
      const container = shared.resolve(event);
      if (container === null || typeof container !== 'object') return undefined;
      // A list on the way makes resolvePath collect from its items; the full walk does that.
      if (Array.isArray(container)) return resolvePath(event, full);
      return resolvePath(container, rest);
    };
  }
}
