// JSON text for events that may hold bigint values (64-bit integers kept exactly).

const MARKER = '\u0000bigint:';
const MARKED = /"\\u0000bigint:(-?\d+)"/g;

function replaceBigint(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${MARKER}${value.toString()}` : value;
}

/**
 * Serializes a value as JSON, writing bigint values as plain JSON numbers with every digit.
 * `JSON.stringify` alone throws on bigint.
 */
export function stringifyEvent(value: unknown, indent?: number): string {
  let sawBigint = false;
  const text = JSON.stringify(
    value,
    (key, item) => {
      if (typeof item === 'bigint') sawBigint = true;
      return replaceBigint(key, item);
    },
    indent,
  );
  return sawBigint ? text.replace(MARKED, '$1') : text;
}
