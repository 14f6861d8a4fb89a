// `sigil check` and `sigil explain` run as a user would.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSigil, tempFolder } from '../support/cli.ts';

const GOOD = 'title: Good\nlogsource:\n    product: windows\ndetection:\n    sel:\n        Image|endswith: x.exe\n    condition: sel\n';
const BAD = 'title: Bad\nlogsource:\n    product: windows\ndetection:\n    sel:\n        Image|endswith|contains: x.exe\n    condition: sel\n';

describe('sigil check', () => {
  const folder = tempFolder();
  writeFileSync(join(folder, 'good.yml'), GOOD);
  writeFileSync(join(folder, 'bad.yml'), BAD);

  test('prints positioned diagnostics and fails', () => {
    const result = runSigil(['check', folder]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /bad\.yml:6:9 error INVALID_MODIFIER_CHAIN .*\(at detection\.sel\["Image\|endswith\|contains"\]\)/);
    assert.match(result.stderr, /1 rules, 0 filters and 0 correlations loaded; 1 errors in 1 files/);
  });

  test('json format', () => {
    const result = runSigil(['check', folder, '--format', 'json']);
    const report = JSON.parse(result.stdout) as { summary: { rules: number; errors: number }; diagnostics: Array<{ code: string; span: { line: number } }> };
    assert.equal(report.summary.rules, 1);
    assert.equal(report.diagnostics[0]!.code, 'INVALID_MODIFIER_CHAIN');
    assert.equal(report.diagnostics[0]!.span.line, 6);
  });

  test('clean rules pass', () => {
    const result = runSigil(['check', join(folder, 'good.yml')]);
    assert.equal(result.status, 0);
  });

  test('placeholders resolve from a file', () => {
    const rule = join(folder, 'expand.yml');
    writeFileSync(rule, "title: E\nlogsource:\n    product: windows\ndetection:\n    sel:\n        User|expand: '%admins%'\n    condition: sel\n");
    assert.match(runSigil(['check', rule]).stdout, /warning UNRESOLVED_PLACEHOLDER/);
    const values = join(folder, 'placeholders.yml');
    writeFileSync(values, 'admins:\n    - alice\n    - bob\n');
    assert.equal(runSigil(['check', rule, '--placeholders', values]).stdout, '');
    const events = join(folder, 'users.jsonl');
    writeFileSync(events, '{"User": "BOB"}\n{"User": "carol"}\n');
    const hunted = runSigil(['hunt', '-r', rule, '--placeholders', values, '--profile', 'raw', events, '-f', 'jsonl']);
    assert.equal(hunted.stdout.trim().split('\n').length, 1);
    const unresolved = runSigil(['hunt', '-r', rule, '--profile', 'raw', events, '-f', 'jsonl']);
    assert.match(unresolved.stderr, /cannot run .*placeholder '%admins%'/);
  });
});

describe('sigil explain', () => {
  test('says which field condition failed and why', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'events.jsonl'), '{"Image": "C:\\\\x.exe"}\n{"Image": "C:\\\\y.exe"}\n{"Other": 1}\n');
    const missing = runSigil(['explain', join(folder, 'rule.yml'), join(folder, 'events.jsonl')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /rules path not found/);
    writeFileSync(join(folder, 'rule.yml'), GOOD);
    const explained = runSigil(['explain', join(folder, 'rule.yml'), join(folder, 'events.jsonl'), '--profile', 'raw']);
    assert.equal(explained.status, 0, explained.stderr);
    const blocks = explained.stdout.split(/\n(?=Good on )/);
    assert.equal(blocks.length, 3);
    assert.match(blocks[0]!, /: MATCH/);
    assert.match(blocks[1]!, /NO MATCH[\s\S]*Image\|endswith: \["x.exe"\] ← Image = "C:\\\\y.exe": no value matched/);
    assert.match(blocks[2]!, /Image absent: the field is absent/);
  });

  test('json format', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'rule.yml'), GOOD);
    writeFileSync(join(folder, 'event.json'), '{"Image": "C:\\\\x.exe"}');
    const result = runSigil(['explain', join(folder, 'rule.yml'), join(folder, 'event.json'), '--profile', 'raw', '--format', 'json']);
    const explanation = JSON.parse(result.stdout) as { matched: boolean; searches: Array<{ name: string; items: Array<{ reason: string }> }> };
    assert.equal(explanation.matched, true);
    assert.equal(explanation.searches[0]!.items[0]!.reason, 'matched');
  });
});
