// Inputs of the correlation equality tests: the rules (examples and test rules), and events made
// to sit exactly on window boundaries, with case variants, missing fields and odd timestamps.
import { readdirSync, readFileSync } from 'node:fs';
import { mergeCollections, parseSigmaText, type RuleCollection } from '../../src/sigma/index.ts';
import type { CorpusEvent } from './corpus.ts';

const EXAMPLE_RULES = new URL('../../examples/rules/correlation/', import.meta.url);
const EXAMPLE_LOGS = new URL('../../examples/logs/correlation/', import.meta.url);
const TEST_RULES = new URL('./correlation-rules/', import.meta.url);

function yamlFiles(folder: URL): URL[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yml'))
    .sort()
    .map((name) => new URL(name, folder));
}

/** Loads the example correlation rules and the test rules as one collection. */
export function loadCorrelationRules(): RuleCollection {
  const files = [...yamlFiles(EXAMPLE_RULES), ...yamlFiles(TEST_RULES)];
  return mergeCollections(files.map((file) => parseSigmaText(readFileSync(file, 'utf8'), file.pathname)));
}

/** Returns the example Security logs as events numbered from `firstId`. */
export function exampleEvents(firstId: number): CorpusEvent[] {
  const events: CorpusEvent[] = [];
  for (const name of readdirSync(EXAMPLE_LOGS).filter((file) => file.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(new URL(name, EXAMPLE_LOGS), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      events.push({ id: firstId + events.length, text: line, event: JSON.parse(line) as Record<string, unknown> });
    }
  }
  return events;
}

interface EventSpec {
  time: string;
  channel: string;
  eventId: number;
  computer?: string;
  data: Record<string, unknown>;
}

function evtxEvent(spec: EventSpec): Record<string, unknown> {
  return {
    Event: {
      System: {
        EventID: spec.eventId,
        TimeCreated_attributes: { SystemTime: spec.time },
        Channel: spec.channel,
        Computer: spec.computer ?? 'ws01.corp.example',
      },
      EventData: spec.data,
    },
  };
}

const BASE = Date.parse('2026-05-04T10:00:00Z');

function at(milliseconds: number): string {
  return new Date(BASE + milliseconds).toISOString();
}

function logon(time: string, user: string | null, extra: Record<string, unknown> = {}): EventSpec {
  const data: Record<string, unknown> = { LogonType: 3, IpAddress: '10.0.0.5', WorkstationName: 'WS01', ...extra };
  if (user !== null) data['TargetUserName'] = user;
  return { time, channel: 'Security', eventId: 4624, data };
}

function processCreation(time: string, computer: string, image = 'C:\\Windows\\System32\\cmd.exe'): EventSpec {
  return { time, channel: 'Microsoft-Windows-Sysmon/Operational', eventId: 1, computer, data: { Image: image } };
}

function connection(time: string, computer: string, destinationPort: number, sourcePort = 50100): EventSpec {
  return {
    time,
    channel: 'Microsoft-Windows-Sysmon/Operational',
    eventId: 3,
    computer,
    data: { Initiated: 'true', DestinationPort: destinationPort, SourcePort: sourcePort, Image: 'C:\\x.exe' },
  };
}

function onComputer(spec: EventSpec, computer: string): EventSpec {
  return { ...spec, computer };
}

function shareAccess(time: string, user: string, file: string): EventSpec {
  return { time, channel: 'Security', eventId: 5145, computer: 'fs01', data: { SubjectUserName: user, ShareName: '\\\\*\\data', RelativeTargetName: file } };
}

const MINUTE = 60_000;

/**
 * Events at the edges of the test rules' windows: exactly one timespan apart (inside), one
 * millisecond more (outside), equal times, case variants of one group, a missing group field,
 * times that cannot be read, sub-millisecond fractions, zone offsets and the space separator.
 */
function boundarySpecs(): EventSpec[] {
  return [
    // event_count gte 3 in 1m: alice's third logon is exactly one minute after the first.
    logon(at(0), 'alice'),
    logon(at(30_000), 'Alice'),
    logon(at(MINUTE), 'ALICE'),
    // bob's third logon is one millisecond too late for the first.
    logon(at(5 * MINUTE), 'bob'),
    logon(at(5 * MINUTE + 30_000), 'bob'),
    logon(at(6 * MINUTE + 1), 'bob'),
    // carol: two logons at one time, after one 59 s earlier.
    logon(at(10 * MINUTE), 'carol'),
    logon(at(10 * MINUTE + 59_000), 'carol'),
    logon(at(10 * MINUTE + 59_000), 'carol', { IpAddress: '10.0.0.6' }),
    // dave: a flood every 10 s for three minutes, one detection per episode and timespan.
    ...Array.from({ length: 19 }, (_, index) => logon(at(20 * MINUTE + index * 10_000), 'dave', { IpAddress: `10.0.1.${index % 3}` })),
    // Left out: no user, or a time that cannot be read.
    logon(at(30 * MINUTE), null),
    logon(at(30 * MINUTE), null),
    logon('yesterday', 'erin'),
    logon('2026-05-04T10:30:00.5Z-garbage', 'erin'),
    logon(at(30 * MINUTE), 'erin'),
    // frank: 10:40:00.0009 truncates to 10:40:00.000; +01:00 and a space without zone are UTC-based.
    logon('2026-05-04T10:40:00.0009Z', 'frank'),
    logon('2026-05-04T11:40:30+01:00', 'frank', { IpAddress: '10.0.0.7' }),
    logon('2026-05-04 10:41:00.0001', 'frank', { IpAddress: '10.0.0.8' }),
    logon('2026-05-04T10:41:00.001Z', 'frank', { LogonType: 10 }),
    // Logon types that are not numbers are left out of sums and averages.
    logon(at(50 * MINUTE), 'gina', { LogonType: 'network' }),
    logon(at(50 * MINUTE + 1000), 'gina', { LogonType: 11 }),
    logon(at(50 * MINUTE + 2000), 'gina', { LogonType: '10' }),
    // Process then connection on one host, exactly 30 s apart, and 30.001 s on another.
    processCreation(at(60 * MINUTE), 'host-a'),
    connection(at(60 * MINUTE + 30_000), 'HOST-A', 445),
    processCreation(at(62 * MINUTE), 'host-b'),
    connection(at(62 * MINUTE + 30_001), 'host-b', 445),
    // A connection burst: five within 10 s, then four.
    ...[0, 2_000, 4_000, 6_000, 10_000].map((offset) => connection(at(70 * MINUTE + offset), 'host-c', 8000 + offset / 1000, 60000)),
    ...[0, 3_000, 6_000, 10_001].map((offset) => connection(at(72 * MINUTE + offset), 'host-c', 80, 40000)),
    // Alias: the logon's workstation is the process's computer.
    logon(at(80 * MINUTE), 'henry', { WorkstationName: 'host-d' }),
    processCreation(at(81 * MINUTE), 'HOST-D'),
    // Expression: a logon with a connection on host-e; a logon alone on host-f.
    onComputer(logon(at(90 * MINUTE), 'ivan'), 'host-e'),
    connection(at(94 * MINUTE), 'host-e', 443),
    onComputer(logon(at(90 * MINUTE), 'ivan'), 'host-f'),
    // Ten distinct files for one user and host within exactly one minute, one of them written
    // twice in different case; then the same spread over a minute and 3 ms.
    ...Array.from({ length: 11 }, (_, index) =>
      shareAccess(at(100 * MINUTE + index * 6_000), 'judy', index === 9 ? 'DOCS\\FILE-1.TXT' : `docs\\file-${index === 10 ? 9 : index}.txt`),
    ),
    ...Array.from({ length: 10 }, (_, index) => shareAccess(at(110 * MINUTE + index * 6_667), 'judy', `docs\\file-${index}.txt`)),
    // Order: a process at the logon's time proves nothing, one millisecond later it does.
    onComputer(logon(at(120 * MINUTE), 'kim'), 'host-g'),
    processCreation(at(120 * MINUTE), 'host-g'),
    processCreation(at(120 * MINUTE + 1), 'host-g'),
    // A process before the logon does not count; one exactly five minutes after it does.
    processCreation(at(130 * MINUTE), 'host-h'),
    onComputer(logon(at(130 * MINUTE + 1_000), 'kim'), 'host-h'),
    processCreation(at(135 * MINUTE + 1_000), 'host-h'),
    // Five minutes and one millisecond after the logon is too late.
    onComputer(logon(at(140 * MINUTE), 'kim'), 'host-i'),
    processCreation(at(145 * MINUTE + 1), 'host-i'),
    // A connection must follow the process, and the process must follow a logon in the window.
    connection(at(150 * MINUTE), 'host-j', 443),
    processCreation(at(150 * MINUTE + 10_000), 'host-j'),
    connection(at(150 * MINUTE + 20_000), 'host-j', 443),
    onComputer(logon(at(150 * MINUTE + 30_000), 'kim'), 'host-j'),
    processCreation(at(150 * MINUTE + 40_000), 'host-j'),
    connection(at(150 * MINUTE + 50_000), 'host-j', 443),
  ];
}

/** Returns the boundary events, numbered from `firstId`. */
export function boundaryEvents(firstId: number): CorpusEvent[] {
  return boundarySpecs().map((spec, index) => {
    const event = evtxEvent(spec);
    return { id: firstId + index, text: JSON.stringify(event), event };
  });
}
