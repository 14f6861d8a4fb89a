import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQueryText } from './query-text.ts';

const RULE = `title: Example
detection:
    selection:
        Image|endswith: '\\dfsvc.exe'   # a comment
        Initiated: 'true'
        Details|contains:
            - 00000429
            - 1.0
    condition: selection
`;

test('extractQueryText drops comments and keeps number text', () => {
  assert.equal(
    extractQueryText(RULE, 'threat-hunting'),
    [
      'selection:',
      '  Image|endswith: \\dfsvc.exe',
      '  Initiated: "true"',
      '  Details|contains:',
      '    - 00000429',
      '    - 1.0',
      'condition: selection',
    ].join('\n'),
  );
});

test('extractQueryText reads the correlation block', () => {
  const text = 'title: C\ncorrelation:\n    type: event_count\n    rules: [a]\n    timespan: 5m\n';
  assert.equal(extractQueryText(text, 'correlation'), 'type: event_count\nrules:\n  - a\ntimespan: 5m');
});

test('extractQueryText returns empty text for invalid YAML', () => {
  assert.equal(extractQueryText('title: [unclosed', 'detection'), '');
});
