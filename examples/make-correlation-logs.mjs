// Writes the example Security logs for the correlation rules in examples/rules/correlation/.
// The events are made up: hosts and users are fictional, and the addresses come from the
// documentation ranges of RFC 5737. They use the flattened EVTX JSON shape with `_attributes` keys.
// The log is split at 09:00:30 into an archive file with the older events
// and a current file with the newer ones, so that giving the files in either order shows that
// results do not depend on input order.
//
// Run: node examples/make-correlation-logs.mjs
import { writeFileSync } from 'node:fs';

const COMPUTER = 'dc01.corp.example';
const DOMAIN = 'CORP';
let sourcePort = 49_152;

function securityEvent(eventId, time, data) {
  return {
    Event_attributes: { xmlns: 'http://schemas.microsoft.com/win/2004/08/events/event' },
    Event: {
      System: {
        Provider_attributes: { Name: 'Microsoft-Windows-Security-Auditing', Guid: '54849625-5478-4994-A5BA-3E3B0328C30D' },
        EventID: eventId,
        Version: eventId === 4624 ? 2 : 0,
        Level: 0,
        Task: 12544,
        Opcode: 0,
        Keywords: eventId === 4625 ? '0x8010000000000000' : '0x8020000000000000',
        TimeCreated_attributes: { SystemTime: time.toISOString().replace('Z', '0000Z') },
        EventRecordID: 0,
        Execution_attributes: { ProcessID: 712, ThreadID: 2240 },
        Channel: 'Security',
        Computer: COMPUTER,
        Security: null,
      },
      EventData: data,
    },
  };
}

function failedLogon(time, user, ip, workstation) {
  return securityEvent(4625, time, {
    SubjectUserSid: 'S-1-0-0', SubjectUserName: '-', SubjectDomainName: '-', SubjectLogonId: '0x0',
    TargetUserSid: 'S-1-0-0', TargetUserName: user, TargetDomainName: DOMAIN,
    Status: '0xc000006d', FailureReason: '%%2313', SubStatus: '0xc000006a', LogonType: 3,
    LogonProcessName: 'NtLmSsp ', AuthenticationPackageName: 'NTLM', WorkstationName: workstation,
    TransmittedServices: '-', LmPackageName: '-', KeyLength: 0, ProcessId: '0x0', ProcessName: '-',
    IpAddress: ip, IpPort: String(sourcePort++),
  });
}

function successfulLogon(time, user, ip, workstation) {
  return securityEvent(4624, time, {
    SubjectUserSid: 'S-1-0-0', SubjectUserName: '-', SubjectDomainName: '-', SubjectLogonId: '0x0',
    TargetUserSid: 'S-1-5-21-1111111111-2222222222-3333333333-1104', TargetUserName: user, TargetDomainName: DOMAIN,
    TargetLogonId: `0x${(0x5a3f00 + sourcePort).toString(16)}`, LogonType: 3, LogonProcessName: 'NtLmSsp ',
    AuthenticationPackageName: 'NTLM', WorkstationName: workstation, LogonGuid: '{00000000-0000-0000-0000-000000000000}',
    TransmittedServices: '-', LmPackageName: 'NTLM V2', KeyLength: 128, ProcessId: '0x0', ProcessName: '-',
    IpAddress: ip, IpPort: String(sourcePort++), ImpersonationLevel: '%%1833',
  });
}

const at = (clock) => new Date(`2026-03-02T${clock}Z`);
const seconds = (start, offset) => new Date(start.getTime() + offset * 1000);
const events = [];

// Password guessing against amelia.ross: twelve failures in 33 seconds, then a success.
const guessing = at('09:00:05');
for (let attempt = 0; attempt < 12; attempt++) {
  events.push(failedLogon(seconds(guessing, attempt * 3), 'amelia.ross', '203.0.113.45', 'KALI-7'));
}
events.push(successfulLogon(seconds(guessing, 70), 'amelia.ross', '203.0.113.45', 'KALI-7'));

// A user who mistypes twice, then logs on: too few failures to correlate.
const typo = at('09:00:20');
events.push(failedLogon(typo, 'b.okafor', '198.51.100.23', 'WS-ORCHID'));
events.push(failedLogon(seconds(typo, 4), 'b.okafor', '198.51.100.23', 'WS-ORCHID'));
events.push(successfulLogon(seconds(typo, 9), 'b.okafor', '198.51.100.23', 'WS-ORCHID'));

// Password spraying: one address tries one password against eight accounts.
const spray = at('09:02:00');
const accounts = ['c.lindqvist', 'd.moreau', 'e.tanaka', 'f.haddad', 'g.novak', 'h.silva', 'i.kowalski', 'j.mensah'];
accounts.forEach((user, index) => events.push(failedLogon(seconds(spray, index * 7), user, '198.51.100.77', 'LAPTOP-TEMP')));

// A successful logon without any failure before it.
events.push(successfulLogon(at('09:05:00'), 'k.dubois', '198.51.100.30', 'WS-LARCH'));

events.sort((a, b) => a.Event.System.TimeCreated_attributes.SystemTime.localeCompare(b.Event.System.TimeCreated_attributes.SystemTime));
events.forEach((event, index) => {
  event.Event.System.EventRecordID = 48_001 + index;
});
const split = at('09:00:30').toISOString().replace('Z', '0000Z');
const older = events.filter((event) => event.Event.System.TimeCreated_attributes.SystemTime < split);
const newer = events.filter((event) => event.Event.System.TimeCreated_attributes.SystemTime >= split);
const folder = new URL('./logs/correlation/', import.meta.url);
const lines = (list) => list.map((event) => JSON.stringify(event)).join('\n') + '\n';
writeFileSync(new URL('dc01-security-archive.jsonl', folder), lines(older));
writeFileSync(new URL('dc01-security.jsonl', folder), lines(newer));
console.log(`wrote ${older.length} + ${newer.length} events`);
