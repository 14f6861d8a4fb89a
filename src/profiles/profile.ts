// Turns a validated profile spec into the Profile the engine calls.
import type { Logsource } from '../sigma/model.ts';
import { FieldResolver } from './fields.ts';
import { allEventsVariant, selectVariants } from './logsource.ts';
import type { LogsourceVariant, Profile, ProfileSpec } from './types.ts';

/** Builds a Profile from a spec; the spec must have passed validateProfile. */
export function createProfile(spec: ProfileSpec): Profile {
  const resolver = new FieldResolver(spec);
  const logsource = spec.logsource;
  return {
    name: spec.name,
    description: spec.description,
    logsourceVariants(rule: Logsource): LogsourceVariant[] {
      if (logsource === undefined) return [allEventsVariant('all events (logsource ignored)')];
      return selectVariants(logsource, rule);
    },
    fieldAccessor: (field) => resolver.accessor(field),
    fieldPaths: (field) => resolver.paths(field).map((path) => [...path]),
  };
}
