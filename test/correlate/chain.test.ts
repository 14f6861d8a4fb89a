import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createCorrelationEngine } from '../../src/correlate/index.ts';
import { errorsOf } from './load.ts';
import { loadCorrelation, orders, runEvents, summarize, type TestEvent } from './harness.ts';

// The specification's example: many failed logons (rule a), then a successful logon (rule b).
const chain = `title: Failed logons then success
name: brute_success
correlation:
    type: temporal_ordered
    rules: [many_failed, b]
    group-by: [User]
    timespan: 1m
---
title: Many failed logons
name: many_failed
correlation:
    type: event_count
    rules: a
    group-by: [User, Computer]
    timespan: 10s
    condition: {gte: 3}
`;

const failed = (t: number, User = 'alice'): TestEvent => ({ t, rules: ['a'], fields: { User, Computer: 'ws1' } });
const success = (t: number, User = 'alice'): TestEvent => ({ t, rules: ['b'], fields: { User, Computer: 'ws1' } });

describe('chained correlations', () => {
  const collection = loadCorrelation(chain);
  const cases: Array<{ name: string; events: TestEvent[]; expected: string[] }> = [
    {
      name: 'outer fires after inner and success',
      events: [failed(0), failed(1000), failed(2000), success(5000)],
      expected: ['many_failed alice,ws1@2000 value=3 lines=1,2,3', 'brute_success alice@5000 value=2 lines=1,2,3,4'],
    },
    {
      name: 'success at the same time cannot follow',
      events: [failed(0), failed(1000), failed(2000), success(2000)],
      expected: ['many_failed alice,ws1@2000 value=3 lines=1,2,3'],
    },
    {
      name: 'success before the burst does not count',
      events: [success(0), failed(1000), failed(2000), failed(3000)],
      expected: ['many_failed alice,ws1@3000 value=3 lines=2,3,4'],
    },
    {
      name: 'success of another user does not count',
      events: [failed(0), failed(1000), failed(2000), success(5000, 'bob')],
      expected: ['many_failed alice,ws1@2000 value=3 lines=1,2,3'],
    },
  ];

  for (const testCase of cases) {
    for (const { label, order } of orders(testCase.events.length)) {
      test(`${testCase.name} (${label})`, () => {
        assert.deepEqual(errorsOf(collection), []);
        assert.deepEqual(summarize(runEvents(collection, testCase.events, order)), testCase.expected);
      });
    }
  }

  test('outer detection lists the inner one', () => {
    const result = runEvents(collection, [failed(0), failed(1000), failed(2000), success(5000)], [0, 1, 2, 3]);
    const outer = result.detections[1];
    assert.equal(outer?.correlations.length, 1);
    assert.equal(outer?.correlations[0]?.correlation.name, 'many_failed');
    assert.equal(outer?.firstTime, 0);
    assert.equal(outer?.lastTime, 5000);
    assert.equal(outer?.eventCount, 4);
  });

  test('building blocks do not generate', () => {
    const engine = createCorrelationEngine(collection);
    const result = runEvents(collection, [failed(0), failed(1000), failed(2000), success(5000)], [0, 1, 2, 3]);
    assert.deepEqual(result.detections.map((detection) => detection.generate), [false, true]);
    assert.deepEqual([...engine.suppressedRules].map((rule) => rule.name).sort(), ['a', 'b']);
    assert.equal(engine.suppresses({ name: 'a' }), true);
    assert.equal(engine.suppresses({ name: 'c' }), false);
    assert.equal(engine.references({ name: 'b' }), true);
    assert.equal(engine.references({ name: 'c' }), false);
    assert.deepEqual(engine.correlations.map((correlation) => correlation.name), ['many_failed', 'brute_success']);
  });
});

describe('generate', () => {
  const cases = [
    { name: 'defaults to false', section: '', suppressed: ['a'] },
    { name: 'under correlation', section: '    generate: true\n', suppressed: [] },
    { name: 'at the top level', top: 'generate: true\n', section: '', suppressed: [] },
  ];
  for (const { name, section, top, suppressed } of cases) {
    test(name, () => {
      const collection = loadCorrelation(`title: X\n${top ?? ''}correlation:\n    type: event_count\n    rules: a\n    timespan: 1m\n    condition: {gte: 2}\n${section}`);
      const engine = createCorrelationEngine(collection);
      assert.deepEqual([...engine.suppressedRules].map((rule) => rule.name), suppressed);
    });
  }

  test('a rule alerts when any correlation using it generates', () => {
    const collection = loadCorrelation(
      'title: X\ncorrelation:\n    type: event_count\n    rules: a\n    timespan: 1m\n    condition: {gte: 2}\n' +
      '---\ntitle: Y\ncorrelation:\n    type: event_count\n    rules: a\n    timespan: 1m\n    condition: {gte: 5}\n    generate: true\n',
    );
    assert.deepEqual([...createCorrelationEngine(collection).suppressedRules], []);
  });
});

describe('bookkeeping', () => {
  const counting = loadCorrelation('title: X\nname: x\ncorrelation:\n    type: event_count\n    rules: a\n    group-by: User\n    timespan: 10s\n    condition: {gte: 2}\n');

  test('events without a timestamp are counted and reported', () => {
    const result = runEvents(counting, [failed(0), { t: undefined, rules: ['a'], fields: { User: 'alice' } }, { t: Number.NaN, rules: ['a'], fields: { User: 'alice' } }], [0, 1, 2]);
    assert.deepEqual(summarize(result), []);
    assert.equal(result.stats.untimedEvents, 2);
    assert.equal(result.stats.events, 3);
    const warning = result.warnings.find((item) => item.code === 'NO_TIMESTAMP');
    assert.equal(warning?.count, 2);
    assert.equal(warning?.position?.line, 2);
  });

  test('events of unreferenced rules are not counted', () => {
    const result = runEvents(counting, [{ t: 0, rules: ['c'] }], [0]);
    assert.equal(result.stats.events, 0);
  });

  test('missing group-by fields are reported', () => {
    const result = runEvents(counting, [{ t: 0, rules: ['a'], fields: {} }, { t: 1, rules: ['a'] }], [0, 1]);
    const warning = result.warnings.find((item) => item.code === 'MISSING_GROUP_FIELD');
    assert.equal(warning?.count, 2);
    assert.equal(warning?.correlation?.name, 'x');
  });

  test('group limit drops new groups with a warning', () => {
    const events = ['u1', 'u2', 'u3', 'u3'].map((User, index) => ({ t: index, rules: ['a'], fields: { User } }));
    const result = runEvents(counting, events, [0, 1, 2, 3], { maxGroups: 2 });
    assert.deepEqual(summarize(result), []);
    const warning = result.warnings.find((item) => item.code === 'GROUP_LIMIT');
    assert.equal(warning?.count, 2);
    assert.equal(warning?.position?.line, 3);
  });

  test('expired groups free room for new ones', () => {
    const events = [{ t: 0, User: 'u1' }, { t: 1, User: 'u2' }, { t: 20_000, User: 'u3' }, { t: 20_001, User: 'u3' }]
      .map(({ t, User }) => ({ t, rules: ['a'], fields: { User } }));
    const result = runEvents(counting, events, [0, 1, 2, 3], { maxGroups: 2 });
    assert.deepEqual(summarize(result), ['x u3@20001 value=2 lines=3,4']);
    assert.deepEqual(result.warnings, []);
  });

  test('buffer limit drops later events with a warning', () => {
    const result = runEvents(counting, [failed(0), failed(1), failed(2)], [0, 1, 2], { maxBufferedEvents: 1 });
    assert.equal(result.stats.droppedEvents, 2);
    assert.equal(result.warnings.find((item) => item.code === 'BUFFER_LIMIT')?.count, 2);
  });

  test('event references are capped', () => {
    const events = [0, 1, 2, 3].map((t) => failed(t));
    const collection = loadCorrelation('title: X\nname: x\ncorrelation:\n    type: event_count\n    rules: a\n    timespan: 10s\n    condition: {gte: 4}\n');
    const [detection] = runEvents(collection, events, [0, 1, 2, 3], { maxEventReferences: 2 }).detections;
    assert.equal(detection?.events.length, 2);
    assert.equal(detection?.eventCount, 4);
  });

  test('advance gives the detections finish would give', () => {
    const collection = loadCorrelation(chain);
    const events = [failed(0), failed(1000), failed(2000), success(5000), failed(70_000), failed(70_500), failed(71_000)];
    const engine = createCorrelationEngine(collection);
    const seen: string[] = [];
    for (const [index, event] of events.entries()) {
      seen.push(...summarize({ detections: engine.advance(event.t as number), warnings: [], stats: { events: 0, untimedEvents: 0, droppedEvents: 0, lateEvents: 0 } }));
      engine.push({ rules: event.rules.map((name) => ({ name })), timestamp: event.t, position: { file: 'events.jsonl', line: index + 1 }, fieldValue: (name) => event.fields?.[name] });
    }
    seen.push(...summarize(engine.finish()));
    assert.deepEqual(seen, summarize(runEvents(collection, events, events.map((_event, index) => index))));
    assert.equal(seen.length, 3);
  });

  test('events before the watermark are late', () => {
    const engine = createCorrelationEngine(counting);
    engine.advance(5000);
    engine.push({ rules: [{ name: 'a' }], timestamp: 4999, position: { file: 'late.jsonl', line: 9 }, fieldValue: () => 'alice' });
    const result = engine.finish();
    assert.equal(result.stats.lateEvents, 1);
    assert.equal(result.warnings.find((item) => item.code === 'LATE_EVENT')?.position?.line, 9);
  });

  test('finish twice is an error', () => {
    const engine = createCorrelationEngine(counting);
    engine.finish();
    assert.throws(() => engine.finish());
  });
});
