// Runs correlation rules over hand-made event sequences and summarizes the detections as text.
import { createCorrelationEngine } from '../../src/correlate/index.ts';
import type { CorrelationOptions, CorrelationResult } from '../../src/correlate/index.ts';
import type { RuleCollection } from '../../src/sigma/model.ts';
import { loadRules } from './load.ts';

/** Base rules a, b, c and d. The engine only needs their names, because each test event lists the rules it matched. */
export const BASE_RULES = ['a', 'b', 'c', 'd']
  .map((name) => `title: Rule ${name}\nname: ${name}\nlogsource:\n  product: test\ndetection:\n  selection:\n    EventID: 1\n  condition: selection\n`)
  .join('---\n');

/** One hand-made event: time in ms (undefined for none), the rules it matched and its fields. */
export interface TestEvent {
  t: number | undefined;
  rules: string[];
  fields?: Record<string, unknown>;
}

export function loadCorrelation(yaml: string): RuleCollection {
  return loadRules({ 'base.yml': BASE_RULES, 'correlation.yml': yaml });
}

/** Pushes the events in the given order; line numbers are 1-based indexes into `events`. */
export function runEvents(collection: RuleCollection, events: readonly TestEvent[], order: readonly number[], options: CorrelationOptions = {}): CorrelationResult {
  const engine = createCorrelationEngine(collection, options);
  for (const index of order) {
    const event = events[index] as TestEvent;
    engine.push({
      rules: event.rules.map((name) => ({ name })),
      timestamp: event.t,
      position: { file: 'events.jsonl', line: index + 1 },
      fieldValue: (name) => event.fields?.[name],
    });
  }
  return engine.finish();
}

/** `name group@time value=… lines=…`, e.g. `burst alice@2000 value=3 lines=1,2,3`. */
export function summarize(result: CorrelationResult): string[] {
  return result.detections.map((detection) => {
    const name = detection.correlation.name ?? detection.correlation.title;
    const group = Object.values(detection.group).join(',');
    const lines = detection.events.map((event) => event.position.line).join(',');
    return `${name} ${group}@${detection.time} value=${round(detection.value)} lines=${lines}`;
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Returns the input orders every case runs in: as written, reversed, and interleaved from both ends. */
export function orders(count: number): Array<{ label: string; order: number[] }> {
  const forward = [...Array(count).keys()];
  const interleaved: number[] = [];
  for (let low = 0, high = count - 1; low <= high; low++, high--) {
    interleaved.push(high);
    if (low !== high) interleaved.push(low);
  }
  return [
    { label: 'in order', order: forward },
    { label: 'reversed', order: [...forward].reverse() },
    { label: 'interleaved', order: interleaved },
  ];
}
