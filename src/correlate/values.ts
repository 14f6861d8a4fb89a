// Field values as correlations see them: group-by keys and distinct values compare as
// case-insensitive text, numeric aggregates take numbers and decimal numeric text only.
/** Returns the display text of a field value, or undefined when the field is absent or null. */
export function valueText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value) && value.length === 1) return valueText(value[0]);
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      // Lists and objects: JSON text, with 64-bit integers written out in full.
      return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item));
  }
}

/** Returns the comparison key of a value's text: Sigma compares values case-insensitively. */
export function valueKey(text: string): string {
  return text.toLowerCase();
}

const DECIMAL = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * Returns the number a field value holds, or undefined when it is not numeric.
 * Hexadecimal text such as `0x10` is not a number here, matching how rule values compare.
 */
export function numericValue(value: unknown): number | undefined {
  if (Array.isArray(value) && value.length === 1) return numericValue(value[0]);
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' && DECIMAL.test(value)) {
    const number = Number(value);
    return Number.isFinite(number) ? number : undefined;
  }
  return undefined;
}

/** Returns the p-th percentile (0-100) of the values by linear interpolation at rank (n − 1) · p / 100. */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = ((sorted.length - 1) * p) / 100;
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (rank - lower);
}
