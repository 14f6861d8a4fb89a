// A compiled set of rules with a dispatch index: events are routed by a logsource field
// (EventID where the profile has one) so that most rules are never tried on most events.
import type { SigmaFilter, SigmaRule } from '../sigma/index.ts';
import { valueText } from './event-values.ts';
import { filtersForRule } from './filters.ts';
import { MatchContext } from './match-context.ts';
import type { EngineProfile, FieldAccessor } from './profile.ts';
import { accessorCache, compileRule, conditionsHold, type CompiledCondition, type CompiledRule, type CompiledVariant } from './compile/rule.ts';

type Event = Readonly<Record<string, unknown>>;

/** A rule that could not be compiled, with the reason. */
export interface RuleCompileError {
  rule: SigmaRule;
  message: string;
}

interface RouteEntry {
  rule: CompiledRule;
  variant: CompiledVariant;
  /** Conditions still to check after routing. */
  remaining: CompiledCondition[];
}

interface Route {
  access: FieldAccessor;
  byValue: Map<string, RouteEntry[]>;
}

/** The field routed on when a variant has a condition on it; otherwise its first condition is used. */
const PREFERRED_ROUTING_FIELDS = ['EventID', 'EventId', 'event_id'];

export interface RuleSetOptions {
  filters?: readonly SigmaFilter[];
}

/** Rules compiled for one profile, matched against events. */
export class RuleSet {
  readonly rules: readonly CompiledRule[];
  readonly errors: readonly RuleCompileError[];
  readonly profile: EngineProfile;
  private readonly routes: Route[] = [];
  private readonly unrouted: RouteEntry[] = [];
  private readonly context = new MatchContext({});
  private readonly matchedStamp: Uint32Array;
  private stamp = 0;

  constructor(rules: readonly SigmaRule[], profile: EngineProfile, options: RuleSetOptions = {}) {
    this.profile = profile;
    const accessor = accessorCache(profile);
    const compiled: CompiledRule[] = [];
    const errors: RuleCompileError[] = [];
    for (const rule of rules) {
      try {
        compiled.push(compileRule(rule, compiled.length, profile, filtersForRule(rule, options.filters ?? []), accessor));
      } catch (error) {
        errors.push({ rule, message: (error as Error).message });
      }
    }
    this.rules = compiled;
    this.errors = errors;
    this.matchedStamp = new Uint32Array(compiled.length);
    this.buildRoutes(accessor);
  }

  private buildRoutes(accessor: (field: string) => FieldAccessor): void {
    const routesByField = new Map<string, Route>();
    for (const rule of this.rules) {
      for (const variant of rule.variants) {
        const routing = variant.conditions.find((condition) => PREFERRED_ROUTING_FIELDS.includes(condition.field)) ?? variant.conditions[0];
        if (!routing) {
          this.unrouted.push({ rule, variant, remaining: [] });
          continue;
        }
        let route = routesByField.get(routing.field);
        if (!route) {
          route = { access: accessor(routing.field), byValue: new Map() };
          routesByField.set(routing.field, route);
          this.routes.push(route);
        }
        const entry: RouteEntry = { rule, variant, remaining: variant.conditions.filter((condition) => condition !== routing) };
        for (const value of routing.accepted) {
          const entries = route.byValue.get(value) ?? [];
          entries.push(entry);
          route.byValue.set(value, entries);
        }
      }
    }
  }

  /** The rules that fire on an event, in rule-set order. */
  match(event: Event): CompiledRule[] {
    const context = this.context;
    context.reset(event);
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.matchedStamp.fill(0);
    const matched: CompiledRule[] = [];

    const tryEntry = (entry: RouteEntry): void => {
      if (this.matchedStamp[entry.rule.index] === this.stamp) return;
      if (entry.remaining.length > 0 && !conditionsHold(entry.remaining, context)) return;
      if (!entry.variant.detection(context)) return;
      this.matchedStamp[entry.rule.index] = this.stamp;
      matched.push(entry.rule);
    };

    for (const entry of this.unrouted) tryEntry(entry);
    for (const route of this.routes) {
      const value = route.access(event);
      const values = Array.isArray(value) ? value : [value];
      for (const element of values) {
        const text = valueText(element);
        if (text === undefined) continue;
        const entries = route.byValue.get(context.lower(text));
        if (entries) for (const entry of entries) tryEntry(entry);
      }
    }
    if (matched.length > 1) matched.sort((left, right) => left.index - right.index);
    return matched;
  }
}
