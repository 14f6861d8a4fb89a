// The Dfsvc.EXE network connection rule from SigmaHQ, end to end through `sigil hunt`, on
// hand-written Sysmon network events in the Windows and Winlogbeat shapes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CORPUS, corpusMissing } from '../support/corpus.ts';
import { jsonLines, runSigil, tempFolder } from '../support/cli.ts';

const RULE = 'sigma/rules-threat-hunting/windows/network_connection/net_connection_win_dfsvc_non_local_ip.yml';
const PUBLIC = ['8.8.8.8', '203.0.113.9', '2001:4860:4860::8888', '2a00:1450:4001:82b::200e'];
const EXCLUDED = ['127.0.0.1', '10.1.2.3', '169.254.10.20', '172.16.0.1', '172.31.255.254', '192.168.1.10', '::1', 'fe80::1c2d:3e4f', 'fd12:3456::1', 'fc00::5'];

function sysmonNetwork(destination: string, index: number, image = 'C:\\Windows\\Microsoft.NET\\Framework64\\v4.0.30319\\dfsvc.exe'): Record<string, unknown> {
  return {
    Event: {
      System: {
        Provider_attributes: { Name: 'Microsoft-Windows-Sysmon', Guid: '5770385F-C22A-43E0-BF4C-06F5698FFBD9' },
        EventID: 3,
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        Computer: 'WS-7.example',
        EventRecordID: 100 + index,
        TimeCreated_attributes: { SystemTime: `2026-01-01T10:00:${String(index).padStart(2, '0')}.000000Z` },
      },
      EventData: { Image: image, Initiated: true, Protocol: 'tcp', DestinationIp: destination, DestinationPort: 443 },
    },
  };
}

function winlogbeat(event: Record<string, any>): Record<string, unknown> {
  const system = event['Event'].System;
  const data = event['Event'].EventData;
  return {
    '@timestamp': system.TimeCreated_attributes.SystemTime,
    winlog: {
      channel: system.Channel,
      event_id: system.EventID,
      provider_name: system.Provider_attributes.Name,
      computer_name: system.Computer,
      event_data: Object.fromEntries(Object.entries(data).map(([key, value]) => [key, String(value)])),
    },
  };
}

describe('seed rule', { skip: corpusMissing(RULE) }, () => {
  const destinations = [...PUBLIC, ...EXCLUDED];
  const events = [...destinations.map((ip, index) => sysmonNetwork(ip, index)), sysmonNetwork('8.8.4.4', 40, 'C:\\Windows\\explorer.exe')];

  test('fires for public addresses in the Windows shape', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'sysmon.jsonl'), events.map((event) => JSON.stringify(event)).join('\n'));
    const result = runSigil(['hunt', '-r', CORPUS + RULE, folder, '-f', 'jsonl']);
    assert.equal(result.status, 0, result.stderr);
    const fired = jsonLines(result.stdout).map((detection) => detection['fields'].DestinationIp);
    assert.deepEqual(fired, PUBLIC);
    const first = jsonLines(result.stdout)[0]!;
    assert.equal(first['rule'].author, 'Nasreddine Bencherchali (Nextron Systems)');
    assert.equal(first['rule'].title, 'Dfsvc.EXE Network Connection To Non-Local IPs');
  });

  test('fires for public addresses in the Winlogbeat shape', () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'beats.ndjson.gz'), gzipSync(events.map((event) => JSON.stringify(winlogbeat(event))).join('\n')));
    const result = runSigil(['hunt', '-r', CORPUS + RULE, folder, '-f', 'jsonl']);
    assert.equal(result.status, 0, result.stderr);
    const fired = jsonLines(result.stdout).map((detection) => detection['fields'].DestinationIp);
    assert.deepEqual(fired, PUBLIC);
    assert.match(result.stderr, /winlogbeat/);
  });
});
