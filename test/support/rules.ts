// Helpers for tests: build rules from YAML snippets and a profile that reads fields as written.
import { parseSigmaText, type RuleCollection, type SigmaRule } from '../../src/sigma/index.ts';
import type { EngineProfile } from '../../src/engine/index.ts';

/** A rule from a detection block written as YAML (indented under `detection:`). */
export function ruleFromDetection(detection: string, extra = ''): SigmaRule {
  const text = `title: Test rule\nid: 00000000-0000-4000-8000-000000000001\nlogsource:\n    product: test\n${extra}detection:\n${indent(detection)}\n`;
  const collection = parseSigmaText(text, 'test.yml');
  const errors = collection.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0 || collection.rules.length !== 1) {
    throw new Error(`rule did not load: ${errors.map((error) => `${error.code} ${error.message}`).join('; ')}`);
  }
  return collection.rules[0]!;
}

/** Loads YAML text and returns the whole collection, diagnostics included. */
export function load(text: string, file = 'test.yml'): RuleCollection {
  return parseSigmaText(text, file);
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? line : `    ${line}`))
    .join('\n');
}

/** A profile where field names are event keys (dotted names walk objects) and every logsource applies. */
export const plainProfile: EngineProfile = {
  name: 'plain',
  logsourceVariants: () => [{ conditions: [], fieldMap: {}, label: 'any' }],
  fieldAccessor: (field) => (event) => {
    if (field in event) return event[field];
    let value: unknown = event;
    for (const key of field.split('.')) {
      if (typeof value !== 'object' || value === null) return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  },
};
