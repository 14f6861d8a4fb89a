import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProfile } from '../../src/profiles/index.ts';
import type { Logsource } from '../../src/sigma/model.ts';

const DOC = new URL('../../docs/profiles.md', import.meta.url);

function logsource(fields: Partial<Logsource>): Logsource {
  return { custom: {}, span: { file: 'rule.yml', line: 1, column: 1, yamlPath: [] }, ...fields };
}

test('docs example profile loads and works', () => {
  const text = readFileSync(DOC, 'utf8');
  const example = /```yaml\n(# nxlog-sysmon\.yml[\s\S]*?)```/.exec(text)?.[1];
  assert.ok(example, 'the nxlog-sysmon.yml example block is missing from docs/profiles.md');
  const { profile, diagnostics } = loadProfile(example, 'nxlog-sysmon.yml');
  assert.deepEqual(diagnostics, []);
  const event = {
    EventID: 1,
    Channel: 'Microsoft-Windows-Sysmon/Operational',
    Hostname: 'pc1',
    SourceName: 'Microsoft-Windows-Sysmon',
    Image: 'C:\\Windows\\System32\\cmd.exe',
  };
  assert.equal(profile!.fieldAccessor('Computer')(event), 'pc1');
  assert.equal(profile!.fieldAccessor('Image')(event), 'C:\\Windows\\System32\\cmd.exe');
  const labels = profile!.logsourceVariants(logsource({ product: 'windows', category: 'process_creation' })).map((v) => v.label);
  assert.deepEqual(labels, ['Sysmon EventID 1', 'Security EventID 4688']);
});

test('docs example with the built-in Windows logsource', () => {
  const text = readFileSync(DOC, 'utf8');
  const example = /```yaml\n(# nxlog-sysmon\.yml[\s\S]*?)```/.exec(text)![1]!;
  const reused = example.replace(/\nlogsource:[\s\S]*$/, '\nlogsource: windows\n');
  const { profile, diagnostics } = loadProfile(reused, 'nxlog-sysmon.yml');
  assert.deepEqual(diagnostics, []);
  assert.equal(profile!.logsourceVariants(logsource({ product: 'windows', category: 'dns_query' })).length, 1);
});
