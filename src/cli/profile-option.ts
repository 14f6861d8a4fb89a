// Resolves `--profile NAME|FILE` to a profile, or undefined for automatic detection.
import { readFile } from 'node:fs/promises';
import { formatDiagnostic } from '../sigma/index.ts';
import { builtinProfiles, getProfile, loadProfile, type Profile } from '../profiles/index.ts';
import { CliError, EXIT_USAGE } from './exit-codes.ts';

/** `auto` (or nothing) gives undefined: the profile is picked per event from its shape. */
export async function resolveProfileOption(value: string | undefined): Promise<Profile | undefined> {
  if (value === undefined || value === 'auto') return undefined;
  const builtin = getProfile(value);
  if (builtin) return builtin;
  if (!/[./\\]/.test(value)) {
    throw new CliError(`unknown profile '${value}': use auto, ${[...builtinProfiles.keys()].join(', ')}, or a profile file path`, EXIT_USAGE);
  }
  const text = await readFile(value, 'utf8').catch((error: Error) => {
    throw new CliError(`cannot read profile file ${value}: ${error.message}`);
  });
  const { profile, diagnostics } = loadProfile(text, value);
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (!profile || errors.length > 0) {
    throw new CliError(`invalid profile file:\n${errors.map(formatDiagnostic).join('\n')}`);
  }
  return profile;
}
