// Checks a profile given as plain data (parsed YAML or JSON) and turns it into a ProfileSpec.
// Problems are collected with the path of the offending value, and the loader adds file positions.
import { IssueList, type ProfileIssue } from './issue-list.ts';
import { splitDottedPath } from './path.ts';
import { readConditions, validateLogsource } from './validate-logsource.ts';
import { FIELD_PLACEHOLDER, type FieldSource, type KeyValueSource, type LogsourceSpec, type PathSpec, type ProfileSpec } from './types.ts';

/** Looks up a built-in profile by name, for `logsource: NAME`. */
export type BuiltinLookup = (name: string) => ProfileSpec | undefined;

const TOP_LEVEL_KEYS = ['name', 'description', 'detect', 'textKey', 'fields', 'defaultPaths', 'keyValue', 'logsource'];
const NAME = /^[A-Za-z0-9][\w.-]*$/;

/** Validates profile data and returns the spec when there is no issue. */
export function validateProfile(data: unknown, findBuiltin: BuiltinLookup): { spec?: ProfileSpec; issues: ProfileIssue[] } {
  const list = new IssueList();
  const root = list.mapping(data, [], 'a profile');
  if (root === undefined) return { issues: list.issues };
  list.unknownKeys(root, TOP_LEVEL_KEYS, [], 'a profile');

  const name = readName(root, list);
  const description = optionalString(root.description, ['description'], list) ?? '';
  const textKey = optionalString(root.textKey, ['textKey'], list);
  const detect = root.detect === undefined ? [] : readPathList(root.detect, ['detect'], list);
  const defaultPaths = root.defaultPaths === undefined ? [[FIELD_PLACEHOLDER]] : readPathList(root.defaultPaths, ['defaultPaths'], list);
  const fields = readFields(root.fields, list);
  const keyValue = root.keyValue === undefined ? [] : readKeyValue(root.keyValue, list);
  const logsource = readLogsource(root.logsource, list, findBuiltin);

  if (list.issues.length > 0 || name === undefined) return { issues: list.issues };
  const spec: ProfileSpec = { name, description, detect, fields, defaultPaths, keyValue };
  if (textKey !== undefined) spec.textKey = textKey;
  if (logsource !== undefined) spec.logsource = logsource;
  return { spec, issues: list.issues };
}

/** Reads `logsource`: a mapping, or the name of a built-in profile whose mapping is reused. */
function readLogsource(value: unknown, list: IssueList, findBuiltin: BuiltinLookup): LogsourceSpec | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return validateLogsource(value, list);
  const builtin = findBuiltin(value);
  if (builtin?.logsource === undefined) {
    list.add('INVALID_VALUE', `logsource names "${value}", which is not a built-in profile with a logsource mapping (use windows or winlogbeat, or write the mapping)`, ['logsource']);
  }
  return builtin?.logsource;
}

function readName(root: Record<string, unknown>, list: IssueList): string | undefined {
  if (!('name' in root)) {
    list.add('MISSING_FIELD', 'a profile needs a "name"', []);
    return undefined;
  }
  const name = root.name;
  if (typeof name !== 'string' || !NAME.test(name)) {
    list.add('INVALID_VALUE', 'name must be a word of letters, digits, "-", "_" or "."', ['name']);
    return undefined;
  }
  return name;
}

function optionalString(value: unknown, path: Array<string | number>, list: IssueList): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  list.add('INVALID_VALUE', `${String(path.at(-1))} must be a string`, path);
  return undefined;
}

/** Reads a path: a dotted string, or `{keys: [...]}` for keys that contain dots. */
function readPath(value: unknown, path: Array<string | number>, list: IssueList): PathSpec | undefined {
  if (typeof value === 'string' && value !== '') return splitDottedPath(value);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = (value as Record<string, unknown>).keys;
    if (Array.isArray(keys) && keys.length > 0 && keys.every((key) => typeof key === 'string')) return keys as string[];
  }
  list.add('INVALID_VALUE', 'a path must be a dotted string such as "Event.System.Channel" or {keys: [...]}', path);
  return undefined;
}

function readPathList(value: unknown, path: Array<string | number>, list: IssueList): PathSpec[] {
  const items = Array.isArray(value) ? value : [value];
  const paths: PathSpec[] = [];
  items.forEach((item, index) => {
    const read = readPath(item, Array.isArray(value) ? [...path, index] : path, list);
    if (read !== undefined) paths.push(read);
  });
  return paths;
}

function readFields(value: unknown, list: IssueList): Record<string, FieldSource> {
  const fields: Record<string, FieldSource> = {};
  if (value === undefined) return fields;
  const map = list.mapping(value, ['fields'], 'fields');
  if (map === undefined) return fields;
  for (const [field, source] of Object.entries(map)) {
    const path = ['fields', field];
    const collect = source !== null && typeof source === 'object' && !Array.isArray(source) && 'collect' in source;
    if (collect) {
      fields[field] = { kind: 'Collect', paths: readPathList((source as Record<string, unknown>).collect, [...path, 'collect'], list) };
    } else {
      fields[field] = { kind: 'FirstOf', paths: readPathList(source, path, list) };
    }
  }
  return fields;
}

function readKeyValue(value: unknown, list: IssueList): KeyValueSource[] {
  if (!Array.isArray(value)) {
    list.add('INVALID_VALUE', 'keyValue must be a list of {when, path} entries', ['keyValue']);
    return [];
  }
  const sources: KeyValueSource[] = [];
  value.forEach((item, index) => {
    const path = ['keyValue', index];
    const entry = list.mapping(item, path, 'a keyValue entry');
    if (entry === undefined) return;
    list.unknownKeys(entry, ['when', 'path'], path, 'a keyValue entry');
    const when = entry.when === undefined ? [] : readConditions(entry.when, [...path, 'when'], list);
    const textPath = readPath(entry.path, [...path, 'path'], list);
    if (textPath !== undefined) sources.push({ when, path: textPath });
  });
  return sources;
}
