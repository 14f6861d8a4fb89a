// `sigil convert` with correlation rules, run as a user would: correlations are converted with
// the rules they reference from other files, appear in the JSON output and in the final count.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runSigil } from '../support/cli.ts';

interface Entry {
  id: string | null;
  title: string;
  kind: 'rule' | 'correlation';
  file: string;
  query: string;
}

describe('sigil convert with correlations', () => {
  test('json output and count', () => {
    const result = runSigil(['convert', '-t', 'duckdb', '--format', 'json', 'examples/rules/correlation']);
    const entries = JSON.parse(result.stdout) as Entry[];
    const correlations = entries.filter((entry) => entry.kind === 'correlation').map((entry) => entry.title).sort();
    assert.deepEqual(correlations, ['Many Failed Network Logons for One Account', 'Password Spraying From One Address']);
    assert.equal(entries.filter((entry) => entry.kind === 'rule').length, 2);
    assert.match(entries.find((entry) => entry.kind === 'correlation')!.query, /^WITH sigil_tagged AS/);
    assert.match(result.stderr, /rejected "Password Guessing Followed by a Successful Logon": duckdb cannot express chained correlation/);
    assert.match(result.stderr, /Converted 2 rules and 2 correlations to duckdb; rejected 1 \(chained correlation ×1\)\./);
    assert.equal(result.status, 1);
  });

  test('referenced rules from another folder', () => {
    const result = runSigil(['convert', '-t', 'sqlite', 'test/backends/correlation-rules/counts.yml', 'test/backends/correlation-rules/detections.yml']);
    assert.equal(result.stdout.trim().split('\n').filter((line) => line.startsWith('WITH ')).length, 5);
    assert.match(result.stderr, /Converted 4 rules and 5 correlations to sqlite; rejected 0\./);
    assert.equal(result.status, 0);
  });

  test('rejected on targets without windows', () => {
    const result = runSigil(['convert', '-t', 'esql', 'examples/rules/correlation/mr_password_spray.yml', 'examples/rules/correlation/failed_network_logon.yml']);
    assert.match(result.stderr, /rejected "Password Spraying From One Address": esql cannot express correlation: ES\|QL has no sliding windows/);
    assert.match(result.stderr, /Converted 1 rules and 0 correlations to esql; rejected 1 \(correlation ×1\)\./);
  });
});
