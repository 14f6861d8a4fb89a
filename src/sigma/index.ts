// The Sigma language: YAML with positions, the rule model, modifiers, conditions, diagnostics.
export * from './model.ts';
export * from './span.ts';
export * from './diagnostics.ts';
export { parseSigmaText, mergeCollections, type LoadOptions } from './load.ts';
export { parseCondition, printCondition } from './condition/index.ts';
export { MODIFIERS, parseModifierChain, splitDetectionKey } from './modifiers.ts';
export { parseSigmaString, formatSigmaString } from './sigma-string.ts';
export { parseIp, parseCidr, cidrContains, type IpAddress, type CidrRange } from './ip.ts';
export { normalizeRegex, compileRegex, hasNestedQuantifier } from './regex.ts';
export { parseNumber, type PlaceholderValues } from './values.ts';
export { base64OffsetVariants, expandWindash } from './encodings.ts';
