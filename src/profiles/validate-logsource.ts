// Checks the `logsource` section of a profile: products, services and categories with their variants.
import type { IssueList } from './issue-list.ts';
import type { LogsourceCondition, LogsourceSpec, VariantSpec } from './types.ts';

const VARIANT_KEYS = ['label', 'service', 'conditions', 'fieldMap'];

/** Validates the `logsource` section and lower-cases the names of products, services and categories. */
export function validateLogsource(value: unknown, list: IssueList): LogsourceSpec | undefined {
  const section = list.mapping(value, ['logsource'], 'logsource');
  if (section === undefined) return undefined;
  list.unknownKeys(section, ['products', 'services', 'categories'], ['logsource'], 'logsource');
  const products = readProducts(section.products, list);
  const services = readTable(section.services, ['logsource', 'services'], list);
  const categories = readTable(section.categories, ['logsource', 'categories'], list);
  checkServiceReferences(services, ['logsource', 'services'], services, list, false);
  checkServiceReferences(categories, ['logsource', 'categories'], services, list, true);
  return { products, services, categories };
}

function readProducts(value: unknown, list: IssueList): string[] {
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  if (!items.every((item) => typeof item === 'string')) {
    list.add('INVALID_VALUE', 'products must be a product name or a list of them', ['logsource', 'products']);
    return [];
  }
  return (items as string[]).map((item) => item.toLowerCase());
}

function readTable(value: unknown, path: Array<string | number>, list: IssueList): Record<string, VariantSpec[]> {
  const table: Record<string, VariantSpec[]> = {};
  if (value === undefined) return table;
  const map = list.mapping(value, path, String(path.at(-1)));
  if (map === undefined) return table;
  for (const [name, entry] of Object.entries(map)) {
    const entryPath = [...path, name];
    const items = Array.isArray(entry) ? entry : [entry];
    const variants: VariantSpec[] = [];
    items.forEach((item, index) => {
      const variant = readVariant(item, Array.isArray(entry) ? [...entryPath, index] : entryPath, list);
      if (variant !== undefined) variants.push(variant);
    });
    table[name.toLowerCase()] = variants;
  }
  return table;
}

function readVariant(value: unknown, path: Array<string | number>, list: IssueList): VariantSpec | undefined {
  const map = list.mapping(value, path, 'a logsource variant');
  if (map === undefined) return undefined;
  list.unknownKeys(map, VARIANT_KEYS, path, 'a logsource variant');
  const variant: VariantSpec = {
    conditions: map.conditions === undefined ? [] : readConditions(map.conditions, [...path, 'conditions'], list),
    fieldMap: readFieldMap(map.fieldMap, [...path, 'fieldMap'], list),
  };
  if (map.label !== undefined) {
    if (typeof map.label === 'string') variant.label = map.label;
    else list.add('INVALID_VALUE', 'label must be a string', [...path, 'label']);
  }
  if (map.service !== undefined) {
    if (typeof map.service === 'string') variant.service = map.service.toLowerCase();
    else list.add('INVALID_VALUE', 'service must be the name of a service of this profile', [...path, 'service']);
  }
  return variant;
}

function readFieldMap(value: unknown, path: Array<string | number>, list: IssueList): Record<string, string> {
  const fieldMap: Record<string, string> = {};
  if (value === undefined) return fieldMap;
  const map = list.mapping(value, path, 'fieldMap');
  if (map === undefined) return fieldMap;
  for (const [from, to] of Object.entries(map)) {
    if (typeof to === 'string' && to !== '') fieldMap[from] = to;
    else list.add('INVALID_VALUE', `fieldMap entry "${from}" must name a field`, [...path, from]);
  }
  return fieldMap;
}

/** Reports service references: categories may name a service to inherit from, but services may not, so references never chain. */
function checkServiceReferences(
  table: Record<string, VariantSpec[]>,
  path: Array<string | number>,
  services: Record<string, VariantSpec[]>,
  list: IssueList,
  allowed: boolean,
): void {
  for (const [name, variants] of Object.entries(table)) {
    variants.forEach((variant, index) => {
      if (variant.service === undefined) return;
      const at = [...path, name, ...(variants.length > 1 ? [index] : []), 'service'];
      if (!allowed) list.add('INVALID_FIELD', 'a service variant cannot name another service: give its conditions directly', at);
      else if (!Object.hasOwn(services, variant.service)) list.add('INVALID_VALUE', `unknown service "${variant.service}": add it under logsource.services or name one that is there`, at);
    });
  }
}

/** Reads `{Field: value | [values]}`. Values may be strings, numbers or booleans and are kept as strings. */
export function readConditions(value: unknown, path: Array<string | number>, list: IssueList): LogsourceCondition[] {
  const map = list.mapping(value, path, 'conditions');
  if (map === undefined) return [];
  const conditions: LogsourceCondition[] = [];
  for (const [field, accepted] of Object.entries(map)) {
    const items = Array.isArray(accepted) ? accepted : [accepted];
    const scalar = items.every((item) => ['string', 'number', 'boolean'].includes(typeof item));
    if (items.length === 0 || !scalar) {
      list.add('INVALID_VALUE', `condition "${field}" needs a value or a list of values (strings or numbers)`, [...path, field]);
      continue;
    }
    conditions.push({ field, values: items.map(String) });
  }
  return conditions;
}
