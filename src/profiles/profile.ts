// Turns a validated profile spec into the Profile the engine calls.
import type { Logsource } from '../sigma/model.ts';
import { compileCondition, FieldResolver, meetsConditions } from './fields.ts';
import { allEventsVariant, selectVariants } from './logsource.ts';
import type { LogsourceVariant, Profile, ProfileSpec } from './types.ts';

/** Builds a Profile from a spec that passed validateProfile. */
export function createProfile(spec: ProfileSpec): Profile {
  const resolver = new FieldResolver(spec);
  const logsource = spec.logsource;
  const profile: Profile = {
    name: spec.name,
    description: spec.description,
    logsourceVariants(rule: Logsource): LogsourceVariant[] {
      if (logsource === undefined) return [allEventsVariant('all events (logsource ignored)')];
      return selectVariants(logsource, rule);
    },
    fieldAccessor: (field) => resolver.accessor(field),
    fieldPaths: (field) => resolver.paths(field).map((path) => [...path]),
    beginEvent: (event) => resolver.scope.begin(event),
    endEvent: () => resolver.scope.end(),
  };
  if (spec.textKey !== undefined) profile.textKey = spec.textKey;
  return profile;
}

/**
 * Returns a test for whether an event meets a variant's conditions, with values compared as
 * case-insensitive strings. The engine may compile the conditions itself, and this is the reference.
 */
export function variantPredicate(profile: Profile, variant: LogsourceVariant): (event: Record<string, unknown>) => boolean {
  const conditions = variant.conditions.map((condition) => compileCondition(profile.fieldAccessor(condition.field), condition));
  return (event) => meetsConditions(event, conditions);
}
