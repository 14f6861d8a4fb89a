// `sigil hunt --threads N` prints the same output whatever N, also when one large EVTX file is
// split into chunk ranges between the workers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { evtxFiles, writeConcatenatedEvtx } from '../hunt/concat-evtx.ts';
import { runSigil, tempFolder } from '../support/cli.ts';
import { CORPUS, corpusMissing } from '../support/corpus.ts';

const skip = corpusMissing('evtx/EVTX-ATTACK-SAMPLES') ?? corpusMissing('sigma/rules/windows/process_creation');

test('hunt output same with 1 and 2 threads', { skip }, () => {
  const folder = tempFolder();
  const large = join(folder, 'large.evtx');
  // 80 chunks (5 MiB): more than the 64 chunks of one task, so two workers share the file.
  writeConcatenatedEvtx(large, evtxFiles(`${CORPUS}evtx/EVTX-ATTACK-SAMPLES`), 80);
  const hunt = (threads: string) => runSigil(['hunt', '-r', `${CORPUS}sigma/rules/windows/process_creation`, '-f', 'jsonl', '--no-cache', '--threads', threads, large]);
  const one = hunt('1');
  const two = hunt('2');
  assert.equal(one.status, 0, one.stderr);
  assert.equal(two.status, 0, two.stderr);
  assert.ok(one.stdout.length > 0, 'the rules fire on this file');
  assert.equal(two.stdout, one.stdout);
  const eventsRead = (stderr: string) => /events read: +(\d+)/.exec(stderr)?.[1];
  assert.equal(eventsRead(two.stderr), eventsRead(one.stderr));
});
