// Field accessors: a Sigma field name turned once into compiled paths, then read from every event.
import { compilePath, resolvePath, type CompiledPath } from './path.ts';
import { findKeyValueIn } from './key-value.ts';
import { EventScope } from './event-scope.ts';
import { PrefixReaders, type PathReader } from './prefix-reader.ts';
import {
  FIELD_PLACEHOLDER,
  type FieldAccessor,
  type FieldSource,
  type LogsourceCondition,
  type PathSpec,
  type ProfileSpec,
} from './types.ts';

interface CompiledCondition {
  accessor: FieldAccessor;
  /** Accepted values, lower-cased. */
  values: ReadonlySet<string>;
  /** Lengths of the accepted values, so most mismatches are found without lower-casing the event's value. */
  lengths: ReadonlySet<number>;
  maxLength: number;
}


/** Builds accessors and path lists for the fields of one profile. */
export class FieldResolver {
  private readonly spec: ProfileSpec;
  private readonly keyValue: KeyValueStage | undefined;
  private readonly cache = new Map<string, FieldAccessor>();
  /** The event the engine is matching; readers cache per event inside it. */
  readonly scope = new EventScope();
  private readonly readers = new PrefixReaders(this.scope);

  constructor(spec: ProfileSpec) {
    this.spec = spec;
    this.keyValue = spec.keyValue.length === 0 ? undefined : new KeyValueStage(spec, this.scope, (field) => this.baseAccessor(field));
  }

  /** Returns the paths tried for `field`, in order, with the field name filled in. */
  paths(field: string): PathSpec[] {
    return this.source(field).paths;
  }

  /** Returns the accessor for a Sigma field name, cached per name. */
  accessor(field: string): FieldAccessor {
    let accessor = this.cache.get(field);
    if (accessor === undefined) {
      accessor = this.buildAccessor(field);
      this.cache.set(field, accessor);
    }
    return accessor;
  }

  private source(field: string): FieldSource {
    if (Object.hasOwn(this.spec.fields, field)) return this.spec.fields[field]!;
    const paths: PathSpec[] = [];
    for (const template of this.spec.defaultPaths) {
      paths.push(fillTemplate(template, [field]));
      // A dotted name walks nested objects when no key with the literal dotted name exists.
      if (field.includes('.') && template.includes(FIELD_PLACEHOLDER)) paths.push(fillTemplate(template, field.split('.')));
    }
    return { kind: 'FirstOf', paths };
  }

  /** Builds an accessor without `Key=Value` lookups, for the conditions of `keyValue` sources. */
  private baseAccessor(field: string): FieldAccessor {
    const source = this.source(field);
    const paths = source.paths.map((path) => this.readers.reader(path));
    const textKey = this.spec.textKey;
    if (source.kind === 'Collect') return (event) => collect(event, paths, textKey);
    return firstOf(paths, textKey);
  }

  private buildAccessor(field: string): FieldAccessor {
    const source = this.source(field);
    const paths = source.paths.map((path) => this.readers.reader(path));
    const textKey = this.spec.textKey;
    if (source.kind === 'Collect') return (event) => collect(event, paths, textKey);
    // Explicitly mapped fields never fall back to `Key=Value` text, because the mapping names every place they can be.
    const stage = this.keyValue;
    if (stage === undefined || Object.hasOwn(this.spec.fields, field) || !isPlainKey(field)) return firstOf(paths, textKey);
    const needle = `${field}=`;
    const count = paths.length;
    return (event) => {
      for (let i = 0; i < count; i++) {
        const value = paths[i]!(event);
        if (value !== undefined) return unwrapText(value, textKey);
      }
      return stage.find(event, needle);
    };
  }
}

/**
 * The `keyValue` sources of a profile. Their conditions often test the same fields (every PowerShell
 * classic source tests Channel), so each field is read at most once per lookup.
 */
class KeyValueStage {
  private readonly fieldAccessors: FieldAccessor[] = [];
  private readonly sources: Array<{ checks: Array<{ slot: number; condition: CompiledCondition }>; path: CompiledPath }>;
  private readonly textKey: string | undefined;
  private readonly scope: EventScope;
  /** The texts of the sources the matched event meets, found on its first lookup, and the scope stamp they belong to. */
  private texts: unknown[] = [];
  private stamp = -1;

  constructor(spec: ProfileSpec, scope: EventScope, accessorFor: (field: string) => FieldAccessor) {
    this.scope = scope;
    const slots = new Map<string, number>();
    this.sources = spec.keyValue.map((source) => ({
      checks: source.when.map((condition) => {
        let slot = slots.get(condition.field);
        if (slot === undefined) {
          slot = this.fieldAccessors.length;
          slots.set(condition.field, slot);
          this.fieldAccessors.push(accessorFor(condition.field));
        }
        return { slot, condition: compileCondition(this.fieldAccessors[slot]!, condition) };
      }),
      path: compilePath(source.path),
    }));
    this.textKey = spec.textKey;
  }

  /** Returns the value of the first `Key=Value` line for `needle` (the key followed by `=`) in a source the event meets. */
  find(event: Record<string, unknown>, needle: string): string | undefined {
    let texts: unknown[];
    if (event !== this.scope.event) {
      texts = this.sourceTexts(event);
    } else {
      if (this.stamp !== this.scope.stamp) {
        this.texts = this.sourceTexts(event);
        this.stamp = this.scope.stamp;
      }
      texts = this.texts;
    }
    for (const text of texts) {
      const found = findKeyValueIn(text, needle);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** Reads the text of every source whose conditions the event meets, each condition field once. */
  private sourceTexts(event: Record<string, unknown>): unknown[] {
    const texts: unknown[] = [];
    const values = new Map<number, unknown>();
    for (const source of this.sources) {
      const meets = source.checks.every(({ slot, condition }) => {
        if (!values.has(slot)) values.set(slot, this.fieldAccessors[slot]!(event));
        return valueAccepted(values.get(slot), condition);
      });
      if (meets) texts.push(unwrapText(resolvePath(event, source.path), this.textKey));
    }
    return texts;
  }
}

/** Builds an accessor that returns the value at the first path that resolves. */
function firstOf(paths: readonly PathReader[], textKey: string | undefined): FieldAccessor {
  if (paths.length === 1) {
    const only = paths[0]!;
    return (event) => unwrapText(only(event), textKey);
  }
  const count = paths.length;
  return (event) => {
    for (let i = 0; i < count; i++) {
      const value = paths[i]!(event);
      if (value !== undefined) return unwrapText(value, textKey);
    }
    return undefined;
  };
}

function fillTemplate(template: PathSpec, keys: string[]): PathSpec {
  return template.flatMap((key) => (key === FIELD_PLACEHOLDER ? keys : [key]));
}

/** Tells whether a field name can appear as the key of a `Key=Value` line. */
function isPlainKey(field: string): boolean {
  return /^[A-Za-z_][\w.-]*$/.test(field);
}

/** Replaces an object that has the text key (an element with attributes and content) by its content. */
function unwrapText(value: unknown, textKey: string | undefined): unknown {
  if (textKey === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.hasOwn(value, textKey) ? (value as Record<string, unknown>)[textKey] : value;
}

function collect(event: Record<string, unknown>, paths: readonly PathReader[], textKey: string | undefined): unknown {
  let found: unknown[] | undefined;
  for (const path of paths) {
    const value = unwrapText(path(event), textKey);
    if (value === undefined) continue;
    found ??= [];
    if (Array.isArray(value)) found.push(...value);
    else found.push(value);
  }
  return found;
}

/** Compiles a condition on an event field against lower-cased accepted values. */
export function compileCondition(accessor: FieldAccessor, condition: LogsourceCondition): CompiledCondition {
  const values = new Set(condition.values.map((value) => value.toLowerCase()));
  const lengths = new Set([...values].map((value) => value.length));
  return { accessor, values, lengths, maxLength: Math.max(0, ...lengths) };
}

/** True when the event meets every condition. A list value meets a condition when any item does. */
export function meetsConditions(event: Record<string, unknown>, conditions: readonly CompiledCondition[]): boolean {
  for (const condition of conditions) {
    if (!valueAccepted(condition.accessor(event), condition)) return false;
  }
  return true;
}

function valueAccepted(value: unknown, condition: CompiledCondition): boolean {
  if (Array.isArray(value)) return value.some((item) => valueAccepted(item, condition));
  if (value === undefined || value === null || typeof value === 'object') return false;
  const text = String(value);
  // Most mismatches are ruled out by length, without lower-casing. Lower-casing never shortens a text
  // (checked over every code point on Node 20: only U+0130 changes length, and it grows), and it keeps
  // the length of ASCII text.
  if (text.length > condition.maxLength) return false;
  if (!condition.lengths.has(text.length) && isAscii(text)) return false;
  return condition.values.has(text.toLowerCase());
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
