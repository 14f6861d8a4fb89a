// An observation: one event (or one detection of a referenced correlation) as one correlation
// sees it, with its group key and the value the condition aggregates already extracted, so
// that nothing of the original event has to be kept.
import type { CorrelationNode } from './plan.ts';
import type { CorrelatedEvent, CorrelationDetection } from './types.ts';
import { numericValue, valueKey, valueText } from './values.ts';

export interface Observation {
  /** The correlation this observation belongs to. */
  node: CorrelationNode;
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

/** Why an event was left out of a correlation: a group-by field it lacks, or the aggregated value. */
export type Omission = { kind: 'MissingGroupField'; field: string } | { kind: 'MissingValue' };

const MISSING_VALUE: Omission = { kind: 'MissingValue' };

/** Separates key parts; a control character that field values practically never contain. */
const KEY_SEPARATOR = '\u001f';

/** Field access of an event, as `CorrelationInput` offers it. */
export interface FieldSource {
  fieldValue(name: string): unknown;
}

/**
 * Reads what `node` needs from one event. Returns the observation, or why the event is left out:
 * events missing a group-by field or the aggregated value do not take part.
 */
export function observe(
  node: CorrelationNode,
  targets: number[],
  time: number,
  fields: FieldSource,
  source: Observation['source'],
): Observation | Omission {
  // With aliases the field depends on the rule; an event matching several rules uses the first listed one.
  const groupFields = node.groupFields[targets[0] as number] as string[];
  const group: string[] = [];
  let key = '';
  for (const [index, field] of groupFields.entries()) {
    const text = valueText(fields.fieldValue(field));
    if (text === undefined) return { kind: 'MissingGroupField', field };
    group.push(text);
    key = index === 0 ? valueKey(text) : `${key}${KEY_SEPARATOR}${valueKey(text)}`;
  }

  let sample: string | number | undefined;
  if (node.correlation.correlation.type === 'value_count') {
    const texts = node.valueFields.map((field) => valueText(fields.fieldValue(field)));
    if (texts.some((text) => text === undefined)) return MISSING_VALUE;
    sample = (texts as string[]).map(valueKey).join(KEY_SEPARATOR);
  } else if (node.valueFields.length > 0) {
    sample = numericValue(fields.fieldValue(node.valueFields[0] as string));
    if (sample === undefined) return MISSING_VALUE;
  }
  return { node, time, targets, group, key, sample, source };
}

/** Tells an observation from an omission. */
export function isObservation(outcome: Observation | Omission): outcome is Observation {
  return !('kind' in outcome);
}
