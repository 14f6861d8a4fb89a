// The page's EVTX reading, run in Node on corpus files: same records as the file reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { decodeEvtx } from '../../src/explorer/page/rule/dropped-file.ts';
import { CORPUS_SIGMA } from './support/explorer-site.ts';

const BITSADMIN = `${CORPUS_SIGMA}regression_data/rules/windows/process_creation/proc_creation_win_bitsadmin_download/d059842b-6b9d-4ed1-b5c3-5b89143c6ede.evtx`;
const MANIFEST = new URL('../../../shared/corpus/evtx/manifest.json', import.meta.url).pathname;

test('decodeEvtx reads a regression sample', { skip: existsSync(BITSADMIN) ? false : `corpus not found at ${BITSADMIN}` }, () => {
  const parsed = decodeEvtx(new Uint8Array(readFileSync(BITSADMIN)), 'bitsadmin.evtx');
  assert.deepEqual(parsed.errors, []);
  assert.equal(parsed.events.length, 1);
  const system = (parsed.events[0]?.event['Event'] as { System?: { Channel?: unknown } } | undefined)?.System;
  assert.equal(system?.Channel, 'Microsoft-Windows-Sysmon/Operational');
  assert.match(parsed.events[0]?.label ?? '', /^bitsadmin\.evtx, record \d+$/);
});

test('decodeEvtx reports a file that is not EVTX', () => {
  assert.throws(() => decodeEvtx(new Uint8Array(4096), 'zeros.evtx'), /not an EVTX file/);
});

interface ManifestEntry {
  evtx: string;
  records_python_evtx: number;
  json_ok: number;
  error_count: number;
}

test('decodeEvtx record counts match the corpus manifest', { skip: existsSync(MANIFEST) ? false : `corpus not found at ${MANIFEST}` }, () => {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as ManifestEntry[];
  // Files the reference tools read without errors; the first 30 keep the test quick.
  const clean = manifest.filter((entry) => entry.error_count === 0 && entry.json_ok === entry.records_python_evtx).slice(0, 30);
  assert.ok(clean.length > 0);
  for (const entry of clean) {
    const bytes = new Uint8Array(readFileSync(new URL(`../../../shared/corpus/${entry.evtx}`, import.meta.url)));
    const parsed = decodeEvtx(bytes, entry.evtx);
    assert.equal(parsed.events.length, entry.records_python_evtx, entry.evtx);
  }
});
