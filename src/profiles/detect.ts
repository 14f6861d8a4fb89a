// Picks a built-in profile from the shape of an event.
import { builtinProfiles, findBuiltinSpec } from './builtins.ts';
import { compilePath, resolvePath, type CompiledPath } from './path.ts';
import type { Profile } from './types.ts';

/** Built-in profiles with the paths that mark their events, tried in order. Raw is the fallback. */
const MARKERS: ReadonlyArray<{ profile: Profile; paths: CompiledPath[] }> = [...builtinProfiles.values()].flatMap((profile) => {
  const spec = findBuiltinSpec(profile.name);
  if (spec === undefined || spec.detect.length === 0) return [];
  return [{ profile, paths: spec.detect.map(compilePath) }];
});

const RAW = builtinProfiles.get('raw')!;

/**
 * Returns the built-in profile whose events look like `event`:
 * `windows` for an object under `Event.System`, `winlogbeat` for a `winlog` object, otherwise `raw`.
 */
export function detectProfile(event: Record<string, unknown>): Profile {
  for (const marker of MARKERS) {
    for (const path of marker.paths) {
      const value = resolvePath(event, path);
      if (value !== null && typeof value === 'object') return marker.profile;
    }
  }
  return RAW;
}
