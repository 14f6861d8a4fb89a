// What the backends need from a profile: where a Sigma field lives and which events a logsource selects.
import type { Profile } from '../profiles/index.ts';
import type { Logsource } from '../sigma/model.ts';
import type { FieldLocation } from './query.ts';

/** One way a logsource appears in the events, e.g. Sysmon EventID 1 or Security 4688. */
export interface LogsourceVariant {
  /** Field equalities AND-ed together; each field matches any of its values. */
  conditions: Array<{ field: string; values: string[] }>;
  /** Sigma field name → field name in this variant, e.g. `Image` → `NewProcessName` for 4688. */
  fieldMap: Record<string, string>;
  label: string;
}

/** The profile as the backends see it. */
export interface BackendProfile {
  name: string;
  /** Candidate locations of a Sigma field, most likely first. */
  locateField(field: string): FieldLocation[];
  /** The variants a logsource stands for; an empty list means the profile has no events for it. */
  logsourceVariants(logsource: Logsource): LogsourceVariant[];
}

/**
 * Fields under their own names, with a dotted name also read as a path of nested keys, and no
 * logsource conditions: the events are assumed to be of the rule's logsource already.
 */
export const RAW_PROFILE: BackendProfile = {
  name: 'raw',
  locateField(field) {
    const literal = { name: field, path: [field] };
    if (!field.includes('.')) return [literal];
    return [literal, { name: field, path: field.split('.') }];
  },
  logsourceVariants() {
    return [{ conditions: [], fieldMap: {}, label: 'any event' }];
  },
};

/**
 * Adapts a Sigil profile: each path the profile tries for a field becomes a location, named by
 * its dotted path for targets with flat field names (`winlog.event_data.Image` with winlogbeat).
 */
export function backendProfile(profile: Profile): BackendProfile {
  // TODO: read the text key from the profile once profiles expose it; the built-in windows
  // profile unwraps `#text` (elements with attributes in the evtx JSON shape).
  const textKey = (profile as { textKey?: string }).textKey ?? (profile.name === 'windows' ? '#text' : undefined);
  return {
    name: profile.name,
    locateField: (field) =>
      profile.fieldPaths(field).map((path) => (textKey === undefined ? { name: path.join('.'), path } : { name: path.join('.'), path, textKey })),
    logsourceVariants: (logsource) =>
      profile.logsourceVariants(logsource).map((variant) => ({
        conditions: variant.conditions.map((condition) => ({ field: condition.field, values: [...condition.values] })),
        fieldMap: { ...variant.fieldMap },
        label: variant.label,
      })),
  };
}
