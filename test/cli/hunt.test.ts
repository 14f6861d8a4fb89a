// `sigil hunt` run as a user would: spawned process, real files, output checked.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonLines, runSigil, tempFolder } from '../support/cli.ts';

const RUNDLL32_RULE = '6f0c3b6e-2f53-4a3f-9a57-0c1b9d3c8e11';
const POWERSHELL_RULE = '0d6f2a4c-7b8e-4c11-a0a9-3f6c2b1e9d42';

describe('sigil hunt on the examples', () => {
  test('finds every example detection', () => {
    const result = runSigil(['hunt', '-r', 'examples/rules', 'examples/logs', '--format', 'jsonl']);
    assert.equal(result.status, 0, result.stderr);
    const detections = jsonLines(result.stdout);
    assert.equal(detections.length, 11);
    const correlations = detections.filter((detection) => detection['kind'] === 'correlation').map((detection) => detection['rule'].title);
    assert.deepEqual(correlations, ['Password Guessing Followed by a Successful Logon', 'Password Spraying From One Address']);
    const ips = detections.filter((detection) => detection['rule'].id === RUNDLL32_RULE).map((detection) => detection['fields'].DestinationIp);
    assert.deepEqual(ips, ['198.51.100.23', '2001:db8:85a3::8a2e:370:7334', '198.51.100.23', '2001:db8:85a3::8a2e:370:7334']);
    assert.match(result.stderr, /events read: +38/);
  });

  test('detections carry rule metadata and source', () => {
    const result = runSigil(['hunt', '-r', 'examples/rules', 'examples/logs/sysmon.jsonl', '-f', 'jsonl']);
    const first = jsonLines(result.stdout)[0]!;
    assert.equal(first['rule'].id, POWERSHELL_RULE);
    assert.equal(first['rule'].author, 'Sigil example rules');
    assert.equal(first['rule'].level, 'high');
    assert.equal(first['source'].file, 'examples/logs/sysmon.jsonl');
    assert.equal(first['source'].line, 2);
    assert.equal(first['timestamp'], '2026-11-30T09:14:22.500000Z');
    assert.ok(first['event'].Event.EventData.CommandLine.includes('/enc'));
  });

  test('csv has a header and one row per detection', () => {
    const result = runSigil(['hunt', '-r', 'examples/rules', 'examples/logs/sysmon.jsonl', '-f', 'csv', '--no-summary']);
    const lines = result.stdout.trim().split('\n');
    assert.match(lines[0]!, /^timestamp,level,rule_title,rule_id/);
    assert.equal(lines.length, 1 + 4);
  });

  test('json is one array', () => {
    const result = runSigil(['hunt', '-r', 'examples/rules', 'examples/logs/security.json', '-f', 'json']);
    const parsed = JSON.parse(result.stdout) as unknown[];
    assert.equal(parsed.length, 1);
  });

  test('output file', () => {
    const folder = tempFolder();
    const output = join(folder, 'out.jsonl');
    const result = runSigil(['hunt', '-r', 'examples/rules', 'examples/logs', '-f', 'jsonl', '-o', output]);
    assert.equal(result.stdout, '');
    assert.equal(jsonLines(readFileSync(output, 'utf8')).length, 11);
  });

  test('fail on detection exits 3', () => {
    const result = runSigil(['hunt', '-r', 'examples/rules', 'examples/logs', '--fail-on-detection']);
    assert.equal(result.status, 3);
  });

  test('min level and exclude rule select rules', () => {
    const high = jsonLines(runSigil(['hunt', '-r', 'examples/rules', 'examples/logs/sysmon.jsonl', 'examples/logs/security.json', '-f', 'jsonl', '--min-level', 'high']).stdout);
    assert.equal(high.length, 3);
    const excluded = jsonLines(runSigil(['hunt', '-r', 'examples/rules', 'examples/logs/sysmon.jsonl', '-f', 'jsonl', '--exclude-rule', RUNDLL32_RULE]).stdout);
    assert.equal(excluded.length, 2);
    const tagged = jsonLines(runSigil(['hunt', '-r', 'examples/rules', 'examples/logs', '-f', 'jsonl', '--tag', 'attack.t1105']).stdout);
    assert.equal(tagged.length, 2);
  });

  test('sigma filter removes allow-listed events', () => {
    const folder = tempFolder();
    const filter = join(folder, 'allow.yml');
    writeFileSync(
      filter,
      [
        'title: Allow the update server',
        'logsource:',
        '    category: network_connection',
        '    product: windows',
        'filter:',
        `    rules: [${RUNDLL32_RULE}]`,
        '    selection:',
        "        DestinationIp: '198.51.100.23'",
        '    condition: not selection',
        '',
      ].join('\n'),
    );
    const result = runSigil(['hunt', '-r', 'examples/rules', '--filter', filter, 'examples/logs', '-f', 'jsonl']);
    const ips = jsonLines(result.stdout).filter((detection) => detection['rule'].id === RUNDLL32_RULE).map((detection) => detection['fields'].DestinationIp);
    assert.deepEqual(ips, ['2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::8a2e:370:7334']);
  });
});

describe('sigil hunt on bad input', () => {
  test('bad JSON line is reported and skipped', () => {
    const folder = tempFolder();
    const lines = readFileSync('examples/logs/sysmon.jsonl', 'utf8').trim().split('\n') as string[];
    lines.splice(2, 0, '{"Event": {broken');
    writeFileSync(join(folder, 'mixed.jsonl'), lines.join('\n') + '\n');
    const result = runSigil(['hunt', '-r', 'examples/rules', folder, '-f', 'jsonl']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /mixed\.jsonl \(line 3[,)].*INVALID_JSON/);
    assert.equal(jsonLines(result.stdout).length, 4);
    assert.match(result.stderr, /skipped: +1 INVALID_JSON/);
  });

  test('missing input path is a one-line error', () => {
    const result = runSigil(['hunt', '-r', 'examples/rules', 'no/such/file.jsonl']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /no\/such\/file\.jsonl/);
    assert.equal(result.stderr.trim().split('\n').length, 1);
  });

  test('missing rules folder is a one-line error', () => {
    const result = runSigil(['hunt', '-r', 'no/rules', 'examples/logs']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /rules path not found: no\/rules/);
  });

  test('bad usage exits 2', () => {
    assert.equal(runSigil(['hunt', 'examples/logs']).status, 2);
    assert.equal(runSigil(['hunt', '-r', 'examples/rules', 'examples/logs', '--format', 'xml']).status, 2);
  });

  test('a broken rule is reported and the others still run', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'broken.yml'), 'title: Broken\nlogsource:\n    product: windows\ndetection:\n    selection:\n        Image|endswith: x\n    condition: selection and nope\n');
    const result = runSigil(['hunt', '-r', 'examples/rules', '-r', folder, 'examples/logs', '-f', 'jsonl']);
    assert.equal(result.status, 0);
    assert.match(result.stderr, /broken\.yml:7:\d+ error UNKNOWN_IDENTIFIER/);
    assert.equal(jsonLines(result.stdout).length, 11);
  });

  test('standard input', () => {
    const input = readFileSync('examples/logs/sysmon.jsonl', 'utf8') as string;
    const result = runSigil(['hunt', '-r', 'examples/rules', '-', '-f', 'jsonl'], { input });
    assert.equal(jsonLines(result.stdout).length, 4);
  });
});
