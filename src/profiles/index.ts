// Profiles: how a log family names its fields and which events a Sigma logsource selects.
export type { FieldAccessor, LogsourceCondition, LogsourceVariant, Profile, ProfileSpec } from './types.ts';
export { builtinProfiles, getProfile } from './builtins.ts';
export { detectProfile } from './detect.ts';
export { loadProfile } from './load.ts';
export { createProfile, variantPredicate } from './profile.ts';
