// Compiles a rule for a profile: one matcher per logsource variant, with the rule's filters AND-ed on.
import type { SigmaFilter, SigmaRule } from '../../sigma/index.ts';
import { valueText } from '../event-values.ts';
import type { MatchContext } from '../match-context.ts';
import type { EngineProfile, FieldAccessor, LogsourceVariant } from '../profile.ts';
import { compileDetection, type ContextTest } from './detection.ts';

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
  const variants = profile.logsourceVariants(rule.logsource).map((variant): CompiledVariant => {
    const resolve = (field: string): FieldAccessor => accessor(variant.fieldMap[field] ?? field);
    const parts = [rule.detection, ...filters.map((filter) => filter.detection)].map((detection) => compileDetection(detection, resolve));
    const detection: ContextTest =
      parts.length === 1
        ? parts[0]!
        : (context) => {
            for (const part of parts) if (!part(context)) return false;
            return true;
          };
    const conditions = variant.conditions.map((condition) => ({
      field: condition.field,
      access: accessor(condition.field),
      accepted: new Set(condition.values.map((value) => value.toLowerCase())),
    }));
    return { variant, conditions, detection };
  });
  return { rule, index, variants };
}
