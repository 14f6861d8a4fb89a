// The decoder against independent renderings of every corpus file: python-evtx's records in
// the Chainsaw/Hayabusa JSON shape (evtx-json), python-evtx's XML (evtx-xml), and SigmaHQ's
// regression events in the evtx crate's default `#attributes` shape.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { stringifyEvent } from '../../../src/sources/event-json.ts';
import {
  CORPUS,
  corpusFound,
  decodeCorpusFile,
  parseConcatenatedJson,
  readManifest,
  readReference,
  trimStrings,
} from './corpus.ts';
import { compareXml, flattenXml } from './xml-compare.ts';

const skip = corpusFound ? false : `corpus not found at ${CORPUS}`;

/**
 * Records the reference parsers do not report. In this file a damaged record stops
 * python-evtx and libevtx for the rest of chunk 7. This decoder finds the next record with
 * consistent sizes and reads the 31 intact records after it.
 */
const RECOVERED_BEYOND_REFERENCE: Record<string, number[]> = {
  'evtx/parser-edge-cases/sample_with_a_bad_chunk_magic.evtx': Array.from({ length: 31 }, (_, i) => 47675 + i),
};

describe('EVTX conformance', { skip }, () => {
  test('evtx-json events equal, record for record', (t) => {
    let files = 0;
    let records = 0;
    const failures: string[] = [];
    for (const entry of readManifest()) {
      if (entry.json === null) continue;
      files++;
      const reference = readReference(entry).filter((r) => r.json !== undefined && !entry.python_only_records.includes(r.header));
      const decoded = decodeCorpusFile(entry.evtx, 'separate').records;
      const recovered = RECOVERED_BEYOND_REFERENCE[entry.evtx] ?? [];
      assert.deepEqual(
        decoded.map((r) => r.recordId).filter((id) => !recovered.includes(id)),
        reference.map((r) => r.header),
        `${entry.evtx}: record numbers`,
      );
      const byNumber = new Map(decoded.map((r) => [r.recordId, r.event]));
      for (const record of reference) {
        records++;
        const event = byNumber.get(record.header);
        if (!isDeepStrictEqual(event, record.json)) {
          failures.push(`${entry.evtx} record ${record.header}:\n  got      ${stringifyEvent(event)}\n  expected ${stringifyEvent(record.json)}`);
        }
      }
    }
    t.diagnostic(`evtx-json: ${records - failures.length} of ${records} records equal in ${files} files`);
    assert.deepEqual(failures.slice(0, 5), []);
  });

  test('evtx-xml records agree value by value', (t) => {
    let records = 0;
    const failures: string[] = [];
    for (const entry of readManifest()) {
      const reference = readReference(entry).filter((r) => r.xml !== null && !entry.python_only_records.includes(r.header));
      const decoded = new Map(decodeCorpusFile(entry.evtx, 'xml').records.map((r) => [r.recordId, r.event as string]));
      for (const record of reference) {
        records++;
        const xml = decoded.get(record.header);
        const problem = xml === undefined ? 'missing' : compareXml(flattenXml(xml), flattenXml(record.xml!));
        if (problem !== undefined) failures.push(`${entry.evtx} record ${record.header}: ${problem}`);
      }
    }
    t.diagnostic(`evtx-xml: ${records - failures.length} of ${records} records agree`);
    assert.deepEqual(failures.slice(0, 5), []);
  });

  test('inline Binary XML files decode every record', (t) => {
    // Neither reference tool renders these; their record counts come from the manifest.
    let records = 0;
    for (const entry of readManifest()) {
      if (entry.json !== null) continue;
      const decoded = decodeCorpusFile(entry.evtx, 'separate');
      assert.equal(decoded.records.length, entry.records_python_evtx, entry.evtx);
      assert.deepEqual(decoded.warnings, [], entry.evtx);
      for (const record of decoded.records) {
        const system = (record.event['Event'] as { System: Record<string, unknown> }).System;
        assert.ok(system['Channel'], `${entry.evtx} record ${record.recordId}: Channel`);
        assert.ok(system['EventRecordID'], `${entry.evtx} record ${record.recordId}: EventRecordID`);
      }
      records += decoded.records.length;
    }
    t.diagnostic(`inline Binary XML: ${records} records decoded`);
  });

  test('forwarded Exchange event renders as published', () => {
    // Expected rendering published in the Rust evtx crate's test snapshots.
    const [record] = decodeCorpusFile('evtx/parser-edge-cases/MSExchange_Management_wec.evtx', 'separate').records;
    const event = record!.event['Event'] as { System: Record<string, unknown>; EventData: { Data: { '#text': string[] } } };
    assert.equal(event.System['EventID'], '1');
    assert.deepEqual(event.System['EventID_attributes'], { Qualifiers: '16384' });
    assert.equal(event.EventData.Data['#text'].length, 27);
    assert.equal(event.EventData.Data['#text'][0], 'Set-Mailbox');
  });

  test('SigmaHQ regression events equal in the #attributes shape', (t) => {
    const index = JSON.parse(readFileSync(CORPUS + 'sigma/regression_index.json', 'utf8')) as {
      tests: { evtx_path: string; json_path: string }[];
    }[];
    // Hand-edited upstream: 9-digit SystemTime and a changed ParentCommandLine (sigma/SOURCE.md).
    const handEdited = 'ad691d92-15f2-4181-9aa4-723c74f9ddc3.json';
    let events = 0;
    let exact = 0;
    let trimmed = 0;
    const failures: string[] = [];
    for (const { tests } of index) {
      for (const { evtx_path, json_path } of tests) {
        const expected = parseConcatenatedJson(readFileSync(CORPUS + 'sigma/' + json_path, 'utf8'));
        const decoded = decodeCorpusFile('sigma/' + evtx_path, 'attributes').records;
        assert.equal(decoded.length, expected.length, json_path);
        expected.forEach((event, i) => {
          events++;
          const mine = decoded[i]!.event;
          if (isDeepStrictEqual(mine, event)) exact++;
          // SigmaHQ's JSON was written by evtx crate 0.8.5-0.10.x, which trimmed trailing whitespace.
          if (isDeepStrictEqual(trimStrings(mine), event)) trimmed++;
          else if (!json_path.endsWith(handEdited)) failures.push(`${json_path} #${i}`);
        });
      }
    }
    t.diagnostic(`SigmaHQ: ${events} events; ${exact} equal as decoded, ${trimmed} equal with trailing whitespace trimmed, 1 hand-edited`);
    assert.deepEqual(failures, []);
    assert.equal(trimmed, events - 1);
  });
});
