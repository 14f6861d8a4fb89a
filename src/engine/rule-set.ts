// A compiled set of rules with a dispatch index. Events are routed by the logsource fields
// of each rule variant (Channel and EventID together, where a variant names both), and
// inside a route by a literal prefilter, so that most rules are never tried on most events.
import type { SigmaFilter, SigmaRule } from '../sigma/index.ts';
import { valueText } from './event-values.ts';
import { filtersForRule } from './filters.ts';
import { MatchContext } from './match-context.ts';
import { PrefilterBucket } from './prefilter/bucket.ts';
import { FieldIndex, type NeedleRef } from './prefilter/field-index.ts';
import { detectionNeeds, type Needs } from './prefilter/needles.ts';
import type { EngineProfile, FieldAccessor } from './profile.ts';
import { accessorCache, compileRule, type AccessorCache, type CompiledRule, type CompiledVariant } from './compile/rule.ts';

type Event = Readonly<Record<string, unknown>>;

/** A rule that could not be compiled, with the reason. */
export interface RuleCompileError {
  rule: SigmaRule;
  message: string;
}

interface RouteEntry {
  rule: CompiledRule;
  variant: CompiledVariant;
  /** Needles per clause; undefined when the entry is tried on every event of its bucket. */
  needles: ReadonlyArray<readonly NeedleRef[]> | undefined;
}

/** Variants whose logsource conditions name the same fields, keyed by their accepted values. */
interface Route {
  fields: readonly FieldAccessor[];
  entriesByKey: Map<string, RouteEntry[]>;
  buckets: Map<string, PrefilterBucket<RouteEntry>>;
}

/** Counts of the work the rule set did, for tests and `--profile-rules`. */
export interface MatchStats {
  events: number;
  /** Rule variants whose detection was evaluated. */
  tried: number;
  /** Rule variants in a routed bucket that the literal prefilter skipped. */
  skipped: number;
}

export interface RuleSetOptions {
  filters?: readonly SigmaFilter[];
  /** Try every routed rule, without the literal prefilter (for tests and measurements). */
  noPrefilter?: boolean;
  /** Time each rule's detection, for `ruleProfile()`. Costs a clock read per try. */
  profileRules?: boolean;
}

/** Time spent in one rule's detection. */
export interface RuleCost {
  rule: CompiledRule;
  tries: number;
  matches: number;
  milliseconds: number;
}

/** Separates the values of a compound routing key; it cannot occur in a logsource value. */
const KEY_SEPARATOR = '\u0000';

/** Rules compiled for one profile, matched against events. */
export class RuleSet {
  readonly rules: readonly CompiledRule[];
  readonly errors: readonly RuleCompileError[];
  readonly profile: EngineProfile;
  readonly stats: MatchStats = { events: 0, tried: 0, skipped: 0 };
  private readonly routes: Route[] = [];
  private readonly accessor: AccessorCache;
  private readonly fieldIndex: FieldIndex;
  private readonly context = new MatchContext({});
  private readonly matchedStamp: Uint32Array;
  private readonly usePrefilter: boolean;
  private stamp = 0;
  /** The rules matched so far for the current event; empty between events. */
  private matched: CompiledRule[] = [];
  private readonly costs: { tries: Uint32Array; matches: Uint32Array; milliseconds: Float64Array } | undefined;

  constructor(rules: readonly SigmaRule[], profile: EngineProfile, options: RuleSetOptions = {}) {
    this.profile = profile;
    this.usePrefilter = options.noPrefilter !== true;
    this.accessor = accessorCache(profile);
    this.fieldIndex = new FieldIndex(this.accessor);
    const compiled: CompiledRule[] = [];
    const needs: Needs[][] = [];
    const errors: RuleCompileError[] = [];
    for (const rule of rules) {
      const filters = filtersForRule(rule, options.filters ?? []);
      try {
        const compiledRule = compileRule(rule, compiled.length, profile, filters, this.accessor);
        compiled.push(compiledRule);
        const detections = [rule.detection, ...filters.map((filter) => filter.detection)];
        needs.push(compiledRule.variants.map(({ variant }) => detectionNeeds(detections, (field) => variant.fieldMap[field] ?? field)));
      } catch (error) {
        errors.push({ rule, message: (error as Error).message });
      }
    }
    this.rules = compiled;
    this.errors = errors;
    this.matchedStamp = new Uint32Array(compiled.length);
    if (options.profileRules) {
      this.costs = { tries: new Uint32Array(compiled.length), matches: new Uint32Array(compiled.length), milliseconds: new Float64Array(compiled.length) };
      this.tryEntry = this.tryEntryTimed;
    }
    this.buildRoutes(needs);
  }

  private buildRoutes(needs: readonly Needs[][]): void {
    const routesBySignature = new Map<string, Route>();
    for (const rule of this.rules) {
      rule.variants.forEach((variant, variantIndex) => {
        const byField = (left: { field: string }, right: { field: string }): number => (left.field < right.field ? -1 : left.field > right.field ? 1 : 0);
        const conditions = [...variant.conditions].sort(byField);
        const signature = conditions.map((condition) => condition.field).join(KEY_SEPARATOR);
        let route = routesBySignature.get(signature);
        if (!route) {
          route = { fields: conditions.map((condition) => condition.access), entriesByKey: new Map(), buckets: new Map() };
          routesBySignature.set(signature, route);
          this.routes.push(route);
        }
        const variantNeeds = this.usePrefilter ? needs[rule.index]![variantIndex] : undefined;
        const entry: RouteEntry = { rule, variant, needles: variantNeeds === undefined ? undefined : this.fieldIndex.add(variantNeeds) };
        for (const key of productKeys(conditions.map((condition) => [...condition.accepted]))) {
          const entries = route.entriesByKey.get(key) ?? [];
          entries.push(entry);
          route.entriesByKey.set(key, entries);
        }
      });
    }
  }

  /** Returns the prefiltered bucket for a key, building it the first time an event needs it. */
  private bucket(route: Route, key: string): PrefilterBucket<RouteEntry> | undefined {
    let bucket = route.buckets.get(key);
    if (bucket === undefined) {
      const entries = route.entriesByKey.get(key);
      if (entries === undefined) return undefined;
      bucket = new PrefilterBucket(entries, (entry) => entry.needles, this.fieldIndex);
      route.buckets.set(key, bucket);
    }
    return bucket;
  }

  /** Returns the rules that fire on an event, in rule-set order. */
  match(event: Event): readonly CompiledRule[] {
    const context = this.context;
    context.reset(event);
    this.accessor.nextEvent();
    this.fieldIndex.nextEvent();
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.matchedStamp.fill(0);
    this.stats.events++;
    const profile = this.profile;
    profile.beginEvent?.(event);
    try {
      this.matchRoutes();
    } finally {
      profile.endEvent?.();
    }

    // Most events match nothing: they share one empty list, and only a filled list is handed over.
    const matched = this.matched;
    if (matched.length === 0) return NO_RULES;
    this.matched = [];
    if (matched.length > 1) matched.sort((left, right) => left.index - right.index);
    return matched;
  }

  private matchRoutes(): void {
    for (const route of this.routes) {
      const key = this.eventKey(route);
      if (key === undefined) continue;
      if (typeof key === 'string') {
        this.tryBucket(route, key);
        continue;
      }
      for (const oneKey of key) this.tryBucket(route, oneKey);
    }
  }

  private tryBucket(route: Route, key: string): void {
    const bucket = this.bucket(route, key);
    if (bucket !== undefined) this.stats.skipped += bucket.forCandidates(this.context, this.tryEntry);
  }

  private tryEntry = (entry: RouteEntry): void => {
    if (this.matchedStamp[entry.rule.index] === this.stamp) return;
    this.stats.tried++;
    if (!entry.variant.detection(this.context)) return;
    this.matchedStamp[entry.rule.index] = this.stamp;
    this.matched.push(entry.rule);
  };

  private readonly tryEntryTimed = (entry: RouteEntry): void => {
    const index = entry.rule.index;
    if (this.matchedStamp[index] === this.stamp) return;
    const costs = this.costs!;
    this.stats.tried++;
    costs.tries[index]!++;
    const start = performance.now();
    const result = entry.variant.detection(this.context);
    costs.milliseconds[index]! += performance.now() - start;
    if (!result) return;
    costs.matches[index]!++;
    this.matchedStamp[index] = this.stamp;
    this.matched.push(entry.rule);
  };

  /** Time per rule, slowest first; empty unless the rule set was built with `profileRules`. */
  ruleProfile(): RuleCost[] {
    const costs = this.costs;
    if (!costs) return [];
    return this.rules
      .map((rule) => ({ rule, tries: costs.tries[rule.index]!, matches: costs.matches[rule.index]!, milliseconds: costs.milliseconds[rule.index]! }))
      .filter((cost) => cost.tries > 0)
      .sort((left, right) => right.milliseconds - left.milliseconds);
  }

  /**
   * Returns the event's routing key for a route. When a field has a list, it returns one key
   * per combination of the lower-cased values, and undefined when a field is missing.
   */
  private eventKey(route: Route): string | readonly string[] | undefined {
    const fields = route.fields;
    if (fields.length === 0) return '';
    // The common case, one scalar per field, builds one key without intermediate lists.
    let key = '';
    for (let index = 0; index < fields.length; index++) {
      const value = fields[index]!(this.context.event);
      if (Array.isArray(value)) return this.eventKeysOfLists(route);
      const text = valueText(value);
      if (text === undefined) return undefined;
      key = index === 0 ? this.context.lower(text) : key + KEY_SEPARATOR + this.context.lower(text);
    }
    return key;
  }

  private eventKeysOfLists(route: Route): string[] {
    let keys: string[] = [''];
    route.fields.forEach((access, index) => {
      const value = access(this.context.event);
      const texts: string[] = [];
      for (const element of Array.isArray(value) ? value : [value]) {
        const text = valueText(element);
        if (text !== undefined) texts.push(this.context.lower(text));
      }
      keys = keys.flatMap((key) => texts.map((text) => (index === 0 ? text : key + KEY_SEPARATOR + text)));
    });
    return keys.length > 1 ? [...new Set(keys)] : keys;
  }
}

const NO_RULES: readonly CompiledRule[] = Object.freeze([]);

/** Lists every compound key a variant accepts: the product of each field's accepted values. */
function productKeys(values: readonly string[][]): string[] {
  if (values.length === 0) return [''];
  let keys: string[] = [''];
  values.forEach((accepted, index) => {
    keys = keys.flatMap((key) => accepted.map((value) => (index === 0 ? value : key + KEY_SEPARATOR + value)));
  });
  return keys;
}
