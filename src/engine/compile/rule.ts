// Compiles a rule for a profile: one matcher per logsource variant, with the rule's filters AND-ed on.
import type { Detection, DetectionNode, SigmaFilter, SigmaRule } from '../../sigma/index.ts';
import { valueText } from '../event-values.ts';
import type { MatchContext } from '../match-context.ts';
import type { EngineProfile, FieldAccessor, LogsourceVariant } from '../profile.ts';
import { compileDetection, type ContextTest } from './detection.ts';
import { UnsupportedPatternError } from './values.ts';

/** A logsource condition compiled: the accessor and the accepted values, lower-cased. */
export interface CompiledCondition {
  field: string;
  access: FieldAccessor;
  accepted: ReadonlySet<string>;
}

export interface CompiledVariant {
  variant: LogsourceVariant;
  conditions: CompiledCondition[];
  /** The rule's detection and its filters, for events that meet the conditions. */
  detection: ContextTest;
}

export interface CompiledRule {
  rule: SigmaRule;
  /** Position of the rule in its rule set; detections are reported in this order. */
  index: number;
  variants: CompiledVariant[];
}

/** Field accessors of one rule set, each remembering its value for the event being matched. */
export interface AccessorCache {
  (field: string): FieldAccessor;
  /** Starts a new event: every remembered value is dropped. */
  nextEvent(): void;
}

/**
 * Caches accessors per profile, so rules that use the same field share one, and each field
 * is read at most once per event. The memo is keyed by a generation that `nextEvent`
 * advances, not by the event object, so a caller may reuse and change an event object.
 */
export function accessorCache(profile: EngineProfile): AccessorCache {
  const cache = new Map<string, FieldAccessor>();
  const clock = { generation: 0 };
  const lookup = (field: string): FieldAccessor => {
    let access = cache.get(field);
    if (!access) {
      access = remembering(profile.fieldAccessor(field), clock);
      cache.set(field, access);
    }
    return access;
  };
  return Object.assign(lookup, {
    nextEvent: () => {
      clock.generation++;
    },
  });
}

function remembering(access: FieldAccessor, clock: { readonly generation: number }): FieldAccessor {
  let seen = -1;
  let value: unknown;
  return (event) => {
    if (clock.generation !== seen) {
      value = access(event);
      seen = clock.generation;
    }
    return value;
  };
}

/** True when the event meets every logsource condition of a variant. */
export function conditionsHold(conditions: readonly CompiledCondition[], context: MatchContext): boolean {
  for (const condition of conditions) {
    const value = condition.access(context.event);
    const values = Array.isArray(value) ? value : [value];
    let held = false;
    for (const element of values) {
      const text = valueText(element);
      if (text !== undefined && condition.accepted.has(context.lower(text))) {
        held = true;
        break;
      }
    }
    if (!held) return false;
  }
  return true;
}

/**
 * Compiles a rule. `filters` are the filters that apply to it. Throws when a pattern
 * cannot be evaluated (UnsupportedPatternError).
 */
export function compileRule(rule: SigmaRule, index: number, profile: EngineProfile, filters: readonly SigmaFilter[], accessor: (field: string) => FieldAccessor): CompiledRule {
  const detections = [rule.detection, ...filters.map((filter) => filter.detection)];
  assertRunnable(detections);
  const variants = profile.logsourceVariants(rule.logsource).map((variant): CompiledVariant => {
    const resolve = (field: string): FieldAccessor => accessor(variant.fieldMap[field] ?? field);
    const compiled: CompiledVariant = { variant, conditions: [], detection: () => false };
    // Most rules are never tried on a given log, so a variant's matcher is built when it is
    // first tried, and then replaces this stand-in.
    compiled.detection = (context) => {
      compiled.detection = combine(detections.map((detection) => compileDetection(detection, resolve)));
      return compiled.detection(context);
    };
    compiled.conditions = variant.conditions.map((condition) => ({
      field: condition.field,
      access: accessor(condition.field),
      accepted: new Set(condition.values.map((value) => value.toLowerCase())),
    }));
    return compiled;
  });
  return { rule, index, variants };
}

function combine(parts: readonly ContextTest[]): ContextTest {
  if (parts.length === 1) return parts[0]!;
  return (context) => {
    for (const part of parts) if (!part(context)) return false;
    return true;
  };
}

/** Throws UnsupportedPatternError for what compiling would reject, so it is known before matching. */
function assertRunnable(detections: readonly Detection[]): void {
  for (const detection of detections) {
    for (const search of detection.searches) assertNodeRunnable(search.body);
  }
}

function assertNodeRunnable(node: DetectionNode): void {
  if (node.kind !== 'Item') {
    for (const item of node.items) assertNodeRunnable(item);
    return;
  }
  for (const value of node.values) {
    for (const pattern of value.patterns) {
      if (pattern.kind === 'Placeholder') throw new UnsupportedPatternError(`placeholder '%${pattern.name}%' has no values`);
    }
  }
}
