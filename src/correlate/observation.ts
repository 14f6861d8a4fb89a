// An observation: one event (or one detection of a referenced correlation) as one correlation
// sees it, with its group key and the value the condition aggregates already extracted, so
// that nothing of the original event has to be kept.
import type { CorrelationNode } from './plan.ts';
import type { CorrelatedEvent, CorrelationDetection } from './types.ts';
import { numericValue, valueKey, valueText } from './values.ts';

export interface Observation {
  /** Milliseconds since the epoch. */
  time: number;
  /** Indices into the correlation's targets that this event matched, ascending. */
  targets: number[];
  /** Group-by values as read, one per group-by entry. */
  group: string[];
  /** Case-folded group values joined into one map key. */
  key: string;
  /** Distinct-value key (value_count) or number (numeric types); undefined for other types. */
  sample: string | number | undefined;
  source: { kind: 'Event'; event: CorrelatedEvent } | { kind: 'Detection'; detection: CorrelationDetection };
}

export type ObservationOutcome =
  | { kind: 'Observed'; observation: Observation }
  | { kind: 'MissingGroupField'; field: string }
  | { kind: 'MissingValue' };

/** Separates key parts; a control character that field values practically never contain. */
const KEY_SEPARATOR = '\u001f';

/** Reads what `node` needs from one event; events missing a group-by field or the aggregated value are left out. */
export function observe(
  node: CorrelationNode,
  targets: number[],
  time: number,
  fieldValue: (name: string) => unknown,
  source: Observation['source'],
): ObservationOutcome {
  // With aliases the field depends on the rule; an event matching several rules uses the first listed one.
  const fields = node.groupFields[targets[0] as number] as string[];
  const group: string[] = [];
  for (const field of fields) {
    const text = valueText(fieldValue(field));
    if (text === undefined) return { kind: 'MissingGroupField', field };
    group.push(text);
  }

  let sample: string | number | undefined;
  const type = node.correlation.correlation.type;
  if (type === 'value_count') {
    const texts = node.valueFields.map((field) => valueText(fieldValue(field)));
    if (texts.some((text) => text === undefined)) return { kind: 'MissingValue' };
    sample = (texts as string[]).map(valueKey).join(KEY_SEPARATOR);
  } else if (node.valueFields.length > 0) {
    sample = numericValue(fieldValue(node.valueFields[0] as string));
    if (sample === undefined) return { kind: 'MissingValue' };
  }

  const key = group.map(valueKey).join(KEY_SEPARATOR);
  return { kind: 'Observed', observation: { time, targets, group, key, sample, source } };
}
