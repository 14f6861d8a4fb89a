// Reading many fields below the same object: the windows profile reads every EventData field
// at `Event.EventData.<name>`, so the walk to `Event.EventData` is done once per matched
// event and shared by all of them.
import type { EventScope } from './event-scope.ts';
import { compilePath, resolvePath, type CompiledPath } from './path.ts';

/** Reads the value at one path of an event. */
export type PathReader = (event: Record<string, unknown>) => unknown;

/** The value at a leading part of paths, computed once per matched event. */
class SharedPrefix {
  private readonly path: CompiledPath;
  private readonly scope: EventScope;
  /** The scope stamp `value` belongs to. */
  private stamp = -1;
  private value: unknown;

  constructor(keys: readonly string[], scope: EventScope) {
    this.path = compilePath(keys);
    this.scope = scope;
  }

  resolve(event: Record<string, unknown>): unknown {
    const scope = this.scope;
    if (event !== scope.event) return resolvePath(event, this.path);
    if (this.stamp !== scope.stamp) {
      this.value = resolvePath(event, this.path);
      this.stamp = scope.stamp;
    }
    return this.value;
  }
}

/** Builds path readers whose leading parts are shared. */
export class PrefixReaders {
  private readonly prefixes = new Map<string, SharedPrefix>();
  private readonly scope: EventScope;

  constructor(scope: EventScope) {
    this.scope = scope;
  }

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
      prefix = new SharedPrefix(prefixKeys, this.scope);
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
