import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { errorsOf } from './load.ts';
import { loadCorrelation, orders, runEvents, summarize, type TestEvent } from './harness.ts';

interface Case {
  name: string;
  /** The `correlation:` section, indented by four spaces. */
  correlation: string;
  events: TestEvent[];
  expected: string[];
}

/** Builds a correlation document named `x`. */
function correlationDocument(section: string): string {
  return `title: Correlation x\nname: x\ncorrelation:\n${section}`;
}

const alice = { User: 'alice' };
const bob = { User: 'bob' };
const eventCount = (condition: string, timespan = '10s'): string =>
  `    type: event_count\n    rules: [a, b]\n    group-by: [User]\n    timespan: ${timespan}\n    condition: {${condition}}\n`;

const cases: Case[] = [
  // event_count
  {
    name: 'event_count fires at the third event',
    correlation: eventCount('gte: 3'),
    events: [{ t: 0, rules: ['a'], fields: alice }, { t: 1000, rules: ['a'], fields: alice }, { t: 2000, rules: ['b'], fields: alice }],
    expected: ['x alice@2000 value=3 lines=1,2,3'],
  },
  {
    name: 'event_count keeps groups apart',
    correlation: eventCount('gte: 3'),
    events: [{ t: 0, rules: ['a'], fields: alice }, { t: 1000, rules: ['a'], fields: bob }, { t: 2000, rules: ['a'], fields: alice }],
    expected: [],
  },
  {
    name: 'event_count window includes an event exactly one timespan back',
    correlation: eventCount('gte: 3'),
    events: [{ t: 0, rules: ['a'], fields: alice }, { t: 5000, rules: ['a'], fields: alice }, { t: 10_000, rules: ['a'], fields: alice }],
    expected: ['x alice@10000 value=3 lines=1,2,3'],
  },
  {
    name: 'event_count window excludes an event just past the timespan',
    correlation: eventCount('gte: 3'),
    events: [{ t: 0, rules: ['a'], fields: alice }, { t: 5000, rules: ['a'], fields: alice }, { t: 10_001, rules: ['a'], fields: alice }],
    expected: [],
  },
  {
    name: 'event_count fires once per burst',
    correlation: eventCount('gte: 3'),
    events: [0, 1, 2, 3, 4].map((second) => ({ t: second * 1000, rules: ['a'], fields: alice })),
    expected: ['x alice@2000 value=3 lines=1,2,3'],
  },
  {
    name: 'event_count fires again one timespan after the last detection',
    correlation: eventCount('gte: 3'),
    events: [...Array(25).keys()].map((second) => ({ t: second * 1000, rules: ['a'], fields: alice })),
    expected: [
      'x alice@2000 value=3 lines=1,2,3',
      'x alice@13000 value=11 lines=4,5,6,7,8,9,10,11,12,13,14',
      'x alice@24000 value=11 lines=15,16,17,18,19,20,21,22,23,24,25',
    ],
  },
  {
    name: 'event_count counts an event matching two rules once',
    correlation: eventCount('gte: 3'),
    events: [{ t: 0, rules: ['a', 'b'], fields: alice }, { t: 1000, rules: ['a', 'b'], fields: alice }],
    expected: [],
  },
  {
    name: 'event_count ignores rules it does not reference',
    correlation: eventCount('gte: 2'),
    events: [{ t: 0, rules: ['c'], fields: alice }, { t: 1000, rules: ['a'], fields: alice }],
    expected: [],
  },
  {
    name: 'event_count leaves out events without the group-by field',
    correlation: eventCount('gte: 2'),
    events: [{ t: 0, rules: ['a'], fields: alice }, { t: 1000, rules: ['a'], fields: {} }, { t: 2000, rules: ['a'], fields: { User: null } }],
    expected: [],
  },
  {
    name: 'event_count compares group values case-insensitively',
    correlation: eventCount('gte: 3'),
    events: [{ t: 0, rules: ['a'], fields: { User: 'Alice' } }, { t: 1, rules: ['a'], fields: { User: 'ALICE' } }, { t: 2, rules: ['a'], fields: alice }],
    expected: ['x Alice@2 value=3 lines=1,2,3'],
  },
  {
    name: 'event_count groups by several fields',
    correlation: '    type: event_count\n    rules: a\n    group-by: [User, Computer]\n    timespan: 1m\n    condition: {gte: 2}\n',
    events: [
      { t: 0, rules: ['a'], fields: { User: 'alice', Computer: 'ws1' } },
      { t: 1000, rules: ['a'], fields: { User: 'alice', Computer: 'ws2' } },
      { t: 2000, rules: ['a'], fields: { User: 'bob', Computer: 'ws1' } },
      { t: 3000, rules: ['a'], fields: { User: 'alice', Computer: 'ws2' } },
    ],
    expected: ['x alice,ws2@3000 value=2 lines=2,4'],
  },
  {
    name: 'event_count without group-by uses one group',
    correlation: '    type: event_count\n    rules: a\n    timespan: 1m\n    condition: {gte: 2}\n',
    events: [{ t: 0, rules: ['a'], fields: alice }, { t: 1000, rules: ['a'], fields: bob }],
    expected: ['x @1000 value=2 lines=1,2'],
  },
  {
    name: 'event_count evaluates equal timestamps together',
    correlation: eventCount('lt: 3'),
    events: [{ t: 5000, rules: ['a'], fields: alice }, { t: 5000, rules: ['a'], fields: alice }, { t: 5000, rules: ['a'], fields: alice }],
    expected: [],
  },

  // The condition operators, on one sequence of four events one second apart.
  ...([
    ['gt: 2', ['x alice@2000 value=3 lines=1,2,3']],
    ['gte: 2', ['x alice@1000 value=2 lines=1,2']],
    ['lt: 2', ['x alice@0 value=1 lines=1']],
    ['lte: 2', ['x alice@0 value=1 lines=1']],
    ['eq: 3', ['x alice@2000 value=3 lines=1,2,3']],
    ['neq: 1', ['x alice@1000 value=2 lines=1,2']],
    ['gt: 1, lte: 2', ['x alice@1000 value=2 lines=1,2']],
    ['gte: 3, lt: 4', ['x alice@2000 value=3 lines=1,2,3']],
    ['gt: 4', []],
  ] as const).map(([condition, expected]): Case => ({
    name: `operator ${condition}`,
    correlation: eventCount(condition),
    events: [0, 1, 2, 3].map((second) => ({ t: second * 1000, rules: ['a'], fields: alice })),
    expected: [...expected],
  })),
  {
    name: 'operator eq fires again when the count returns to the value',
    correlation: eventCount('eq: 2', '2s'),
    events: [0, 1, 2, 10, 11].map((second) => ({ t: second * 1000, rules: ['a'], fields: alice })),
    expected: ['x alice@1000 value=2 lines=1,2', 'x alice@11000 value=2 lines=4,5'],
  },

  // value_count
  {
    name: 'value_count counts distinct values',
    correlation: '    type: value_count\n    rules: a\n    group-by: IpAddress\n    timespan: 1m\n    condition: {field: TargetUserName, gte: 3}\n',
    events: ['u1', 'u2', 'U1', 'u2', 'u3'].map((user, index) => ({ t: index * 1000, rules: ['a'], fields: { IpAddress: '10.0.0.5', TargetUserName: user } })),
    expected: ['x 10.0.0.5@4000 value=3 lines=1,2,3,4,5'],
  },
  {
    name: 'value_count leaves out events without the field',
    correlation: '    type: value_count\n    rules: a\n    timespan: 1m\n    condition: {field: TargetUserName, gte: 2}\n',
    events: [{ t: 0, rules: ['a'], fields: { TargetUserName: 'u1' } }, { t: 1000, rules: ['a'], fields: {} }],
    expected: [],
  },
  {
    name: 'value_count with two fields counts distinct pairs',
    correlation: '    type: value_count\n    rules: a\n    timespan: 1m\n    condition: {field: [User, Computer], gte: 3}\n',
    events: [['alice', 'ws1'], ['alice', 'ws2'], ['bob', 'ws1'], ['alice', 'ws1']].map(([User, Computer], index) => ({ t: index, rules: ['a'], fields: { User, Computer } })),
    expected: ['x @2 value=3 lines=1,2,3'],
  },

  // numeric aggregates
  {
    name: 'value_sum adds numbers and numeric text',
    correlation: '    type: value_sum\n    rules: a\n    group-by: User\n    timespan: 1m\n    condition: {field: Bytes, gt: 100}\n',
    events: [{ t: 0, rules: ['a'], fields: { User: 'alice', Bytes: 50 } }, { t: 1, rules: ['a'], fields: { User: 'alice', Bytes: 'many' } }, { t: 2, rules: ['a'], fields: { User: 'alice', Bytes: '60' } }],
    expected: ['x alice@2 value=110 lines=1,3'],
  },
  {
    name: 'value_sum reads bigint values',
    correlation: '    type: value_sum\n    rules: a\n    timespan: 1m\n    condition: {field: Bytes, gte: 9007199254740993}\n',
    events: [{ t: 0, rules: ['a'], fields: { Bytes: 9007199254740993n } }],
    expected: ['x @0 value=9007199254740992 lines=1'],
  },
  {
    name: 'value_avg ignores non-numeric values',
    correlation: '    type: value_avg\n    rules: a\n    timespan: 1m\n    condition: {field: Duration, gte: 10}\n',
    events: [{ t: 0, rules: ['a'], fields: { Duration: 5 } }, { t: 1, rules: ['a'], fields: { Duration: '0x10' } }, { t: 2, rules: ['a'], fields: { Duration: 20 } }],
    expected: ['x @2 value=12.5 lines=1,3'],
  },
  {
    name: 'value_percentile interpolates between ranks',
    correlation: '    type: value_percentile\n    rules: a\n    timespan: 1m\n    condition: {field: Duration, percentile: 75, gt: 4}\n',
    events: [1, 2, 3, 10].map((Duration, index) => ({ t: index, rules: ['a'], fields: { Duration } })),
    expected: ['x @3 value=4.75 lines=1,2,3,4'],
  },
  {
    name: 'value_median is the 50th percentile',
    correlation: '    type: value_median\n    rules: a\n    timespan: 1m\n    condition: {field: Duration, gte: 3}\n',
    events: [1, 5, 3].map((Duration, index) => ({ t: index, rules: ['a'], fields: { Duration } })),
    expected: ['x @1 value=3 lines=1,2'],
  },

  // temporal
  ...([
    ['fires when every rule appears', [[0, 'a'], [3000, 'b'], [5000, 'c']], ['x ws1@5000 value=3 lines=1,2,3']],
    ['ignores the order of rules', [[0, 'c'], [1000, 'a'], [2000, 'b']], ['x ws1@2000 value=3 lines=1,2,3']],
    ['accepts equal timestamps', [[0, 'a'], [0, 'b'], [0, 'c']], ['x ws1@0 value=3 lines=1,2,3']],
    ['needs every rule', [[0, 'a'], [1000, 'b'], [2000, 'a']], []],
    ['needs all rules in one timespan', [[0, 'a'], [5000, 'b'], [10_001, 'c']], []],
    ['includes a rule exactly one timespan back', [[0, 'a'], [5000, 'b'], [10_000, 'c']], ['x ws1@10000 value=3 lines=1,2,3']],
  ] as const).map(([label, sequence, expected]): Case => ({
    name: `temporal ${label}`,
    correlation: '    type: temporal\n    rules: [a, b, c]\n    group-by: Computer\n    timespan: 10s\n',
    events: sequence.map(([t, rule]) => ({ t, rules: [rule], fields: { Computer: 'ws1' } })),
    expected: [...expected],
  })),
  {
    name: 'temporal keeps hosts apart',
    correlation: '    type: temporal\n    rules: [a, b]\n    group-by: Computer\n    timespan: 10s\n',
    events: [{ t: 0, rules: ['a'], fields: { Computer: 'ws1' } }, { t: 1, rules: ['b'], fields: { Computer: 'ws2' } }],
    expected: [],
  },
  {
    name: 'temporal condition counts rules',
    correlation: '    type: temporal\n    rules: [a, b, c]\n    timespan: 10s\n    condition: {gte: 2}\n',
    events: [{ t: 0, rules: ['c'] }, { t: 1, rules: ['a'] }],
    expected: ['x @1 value=2 lines=1,2'],
  },

  // temporal_ordered
  ...([
    ['fires for the listed order', [[0, 'a'], [1000, 'b'], [2000, 'c']], ['x ws1@2000 value=3 lines=1,2,3']],
    ['waits for the order to complete', [[0, 'a'], [1000, 'c'], [2000, 'b'], [3000, 'c']], ['x ws1@3000 value=3 lines=1,2,3,4']],
    ['does not fire for another order', [[0, 'c'], [1000, 'b'], [2000, 'a']], []],
    ['cannot order equal timestamps', [[0, 'a'], [0, 'b'], [1000, 'c']], []],
    ['cannot order equal last timestamps', [[0, 'a'], [1000, 'b'], [1000, 'c']], []],
    ['orders by milliseconds', [[0, 'a'], [1, 'b'], [2, 'c']], ['x ws1@2 value=3 lines=1,2,3']],
    ['needs the whole order in one timespan', [[0, 'a'], [5000, 'b'], [10_001, 'c']], []],
    ['includes the first step exactly one timespan back', [[0, 'a'], [5000, 'b'], [10_000, 'c']], ['x ws1@10000 value=3 lines=1,2,3']],
  ] as const).map(([label, sequence, expected]): Case => ({
    name: `temporal_ordered ${label}`,
    correlation: '    type: temporal_ordered\n    rules: [a, b, c]\n    group-by: Computer\n    timespan: 10s\n',
    events: sequence.map(([t, rule]) => ({ t, rules: [rule], fields: { Computer: 'ws1' } })),
    expected: [...expected],
  })),
  {
    name: 'temporal_ordered condition counts rules in order',
    correlation: '    type: temporal_ordered\n    rules: [a, b, c]\n    timespan: 10s\n    condition: {gte: 2}\n',
    events: [{ t: 0, rules: ['b'] }, { t: 1, rules: ['a'] }, { t: 2, rules: ['c'] }],
    expected: ['x @2 value=2 lines=1,2,3'],
  },

  // extended conditions
  {
    name: 'expression without not fires at the event',
    correlation: '    type: temporal\n    rules: [a, b, c]\n    timespan: 10s\n    condition: a and (b or c)\n',
    events: [{ t: 0, rules: ['a'] }, { t: 1000, rules: ['c'] }],
    expected: ['x @1000 value=2 lines=1,2'],
  },
  ...([
    ['fires at the deadline when b is absent', [[0, 'a']], ['x @10000 value=1 lines=1']],
    ['does not fire when b follows', [[0, 'a'], [5000, 'b']], []],
    ['counts b exactly at the deadline', [[0, 'a'], [10_000, 'b']], []],
    ['ignores b just past the deadline', [[0, 'a'], [10_001, 'b']], ['x @10000 value=1 lines=1']],
    ['fires once per window', [[0, 'a'], [3000, 'a'], [12_000, 'a']], ['x @10000 value=1 lines=1,2', 'x @22000 value=1 lines=3']],
  ] as const).map(([label, sequence, expected]): Case => ({
    name: `expression a and not b ${label}`,
    correlation: '    type: temporal\n    rules: [a, b]\n    timespan: 10s\n    condition: a and not b\n',
    events: sequence.map(([t, rule]) => ({ t, rules: [rule] })),
    expected: [...expected],
  })),
  {
    name: 'ordered expression: b before a does not count',
    correlation: '    type: temporal_ordered\n    rules: [a, b]\n    timespan: 10s\n    condition: a and not b\n',
    events: [{ t: 0, rules: ['b'] }, { t: 1000, rules: ['a'] }],
    expected: ['x @10000 value=1 lines=1,2'],
  },
  {
    name: 'ordered expression: b after a counts',
    correlation: '    type: temporal_ordered\n    rules: [a, b]\n    timespan: 10s\n    condition: a and not b\n',
    events: [{ t: 0, rules: ['a'] }, { t: 1000, rules: ['b'] }],
    expected: [],
  },

  // aliases
  {
    name: 'aliases read a different field per rule',
    correlation:
      '    type: temporal\n    rules: [a, b]\n    group-by: [internal_ip]\n    timespan: 10s\n' +
      '    aliases:\n      internal_ip:\n        a: destination.ip\n        b: source.ip\n',
    events: [
      { t: 0, rules: ['a'], fields: { 'destination.ip': '10.0.0.1', 'source.ip': '10.9.9.9' } },
      { t: 1, rules: ['b'], fields: { 'source.ip': '10.0.0.2', 'destination.ip': '10.0.0.1' } },
      { t: 2, rules: ['b'], fields: { 'source.ip': '10.0.0.1' } },
    ],
    expected: ['x 10.0.0.1@2 value=2 lines=1,3'],
  },
];

describe('correlation engine', () => {
  for (const testCase of cases) {
    const collection = loadCorrelation(correlationDocument(testCase.correlation));
    for (const { label, order } of orders(testCase.events.length)) {
      test(`${testCase.name} (${label})`, () => {
        assert.deepEqual(errorsOf(collection), []);
        assert.deepEqual(summarize(runEvents(collection, testCase.events, order)), testCase.expected);
      });
    }
  }
});
