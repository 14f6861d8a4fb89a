// Selection of a profile's events by a Sigma `logsource`, as a list of variants (OR-ed).
import type { Logsource } from '../sigma/model.ts';
import type { LogsourceCondition, LogsourceSpec, LogsourceVariant, VariantSpec } from './types.ts';

/** Returns the single variant of a profile that ignores logsource, or of a product-only logsource. */
export function allEventsVariant(label: string): LogsourceVariant {
  return { conditions: [], fieldMap: {}, label };
}

/**
 * Returns the variants of `spec` that satisfy `logsource`.
 * - A product the profile does not list selects nothing (a profile that lists no product accepts any).
 * - Without category and service, every event of the profile is selected.
 * - A category or service the profile does not map selects nothing.
 * - With both, each category variant is combined with each service variant (conditions AND-ed).
 */
export function selectVariants(spec: LogsourceSpec, logsource: Logsource): LogsourceVariant[] {
  const product = logsource.product?.toLowerCase();
  if (product !== undefined && spec.products.length > 0 && !spec.products.includes(product)) return [];
  const category = logsource.category?.toLowerCase();
  const service = logsource.service?.toLowerCase();
  if (category === undefined && service === undefined) {
    return [allEventsVariant(product === undefined ? 'all events' : `all ${product} events`)];
  }
  const fromCategory = category === undefined ? undefined : lookup(spec.categories, category);
  const fromService = service === undefined ? undefined : lookup(spec.services, service);
  if (fromCategory === undefined && category !== undefined) return [];
  if (fromService === undefined && service !== undefined) return [];
  const categoryVariants = (fromCategory ?? []).flatMap((variant) => expandService(spec, variant));
  const serviceVariants = (fromService ?? []).flatMap((variant) => expandService(spec, variant));
  if (fromCategory === undefined) return serviceVariants;
  if (fromService === undefined) return categoryVariants;
  const combined: LogsourceVariant[] = [];
  for (const a of categoryVariants) {
    for (const b of serviceVariants) {
      const merged = mergeVariants(a, b);
      if (merged !== undefined) combined.push(merged);
    }
  }
  return combined;
}

function lookup(table: Record<string, VariantSpec[]>, name: string): VariantSpec[] | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Turns a variant spec into variants, adding the conditions of the service it names (one per service variant). */
function expandService(spec: LogsourceSpec, variant: VariantSpec): LogsourceVariant[] {
  // Copies, so that a caller changing a variant cannot change the profile.
  const own: LogsourceVariant = {
    conditions: variant.conditions.map((condition) => ({ field: condition.field, values: [...condition.values] })),
    fieldMap: { ...variant.fieldMap },
    label: variant.label ?? formatConditions(variant.conditions),
  };
  if (variant.service === undefined) return [own];
  // The validator checks that the service exists and names no service itself.
  const bases = lookup(spec.services, variant.service) ?? [];
  const expanded: LogsourceVariant[] = [];
  for (const base of bases) {
    const merged = mergeVariants(
      { conditions: base.conditions, fieldMap: base.fieldMap, label: base.label ?? variant.service },
      own,
    );
    if (merged === undefined) continue;
    if (variant.label !== undefined) merged.label = variant.label;
    expanded.push(merged);
  }
  return expanded;
}

/**
 * ANDs two variants: conditions on the same field keep the values both accept.
 * Returns undefined when no event could meet both. The second variant's field map wins on a clash.
 */
function mergeVariants(a: LogsourceVariant, b: LogsourceVariant): LogsourceVariant | undefined {
  const conditions: LogsourceCondition[] = a.conditions.map((condition) => ({ field: condition.field, values: [...condition.values] }));
  // When `b` narrows nothing (a category combined with the service it already names), `a`'s label is enough.
  let narrowed = false;
  for (const condition of b.conditions) {
    const same = conditions.find((existing) => existing.field === condition.field);
    if (same === undefined) {
      conditions.push({ field: condition.field, values: [...condition.values] });
      narrowed = true;
      continue;
    }
    const accepted = new Set(condition.values.map((value) => value.toLowerCase()));
    const kept = same.values.filter((value) => accepted.has(value.toLowerCase()));
    if (kept.length === 0) return undefined;
    if (kept.length < same.values.length) narrowed = true;
    same.values = kept;
  }
  const label = narrowed ? `${a.label} ${b.label}` : a.label;
  return { conditions, fieldMap: { ...a.fieldMap, ...b.fieldMap }, label };
}

/** Formats conditions for a label, e.g. `EventID 12 EventType CreateKey`. */
export function formatConditions(conditions: readonly LogsourceCondition[]): string {
  return conditions.map((condition) => `${condition.field} ${condition.values.join('/')}`).join(' ');
}
