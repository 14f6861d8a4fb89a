// The profiles shipped with Sigil, read from the JSON files in builtin/ through the same validator as user files.
import windowsData from './builtin/windows.json' with { type: 'json' };
import winlogbeatData from './builtin/winlogbeat.json' with { type: 'json' };
import rawData from './builtin/raw.json' with { type: 'json' };
import { createProfile } from './profile.ts';
import { validateProfile } from './validate.ts';
import type { Profile, ProfileSpec } from './types.ts';

/** Built-in profile data in load order: a profile may reuse the logsource mapping of one listed before it. */
const BUILTIN_DATA: readonly unknown[] = [windowsData, winlogbeatData, rawData];

const specs = new Map<string, ProfileSpec>();
for (const data of BUILTIN_DATA) {
  const { spec, issues } = validateProfile(data, (name) => specs.get(name));
  if (spec === undefined) {
    // Built-in data is checked by the unit tests, so this only fires on a broken build.
    throw new Error(`Invalid built-in profile: ${issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  specs.set(spec.name, spec);
}

/** Returns the validated spec of a built-in profile, or undefined for an unknown name. */
export function findBuiltinSpec(name: string): ProfileSpec | undefined {
  return specs.get(name);
}

/** The built-in profiles by name: `windows`, `winlogbeat` and `raw`. */
export const builtinProfiles: ReadonlyMap<string, Profile> = new Map(
  [...specs.values()].map((spec) => [spec.name, createProfile(spec)]),
);

/** Returns a built-in profile by name, or undefined. `auto` is not a profile: use detectProfile. */
export function getProfile(name: string): Profile | undefined {
  return builtinProfiles.get(name);
}
