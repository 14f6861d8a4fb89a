// Expanding command-line paths into input files.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { InputNotFoundError, listInputs } from '../../../src/sources/list-inputs.ts';
import { readInputs } from '../../../src/sources/read-inputs.ts';
import type { SourceWarning } from '../../../src/sources/types.ts';
import { makeTempFolder, writeInput } from './helpers.ts';

describe('listInputs', () => {
  const root = makeTempFolder();
  mkdirSync(join(root, 'logs', 'b', 'deeper'), { recursive: true });
  mkdirSync(join(root, 'logs', 'a'));
  writeInput(root, 'logs/z.jsonl', '{"file":"z"}\n');
  writeInput(root, 'logs/b/deeper/c.json', '[{"file":"c"}]');
  writeInput(root, 'logs/b/B.jsonl', '{"file":"B"}\n');
  writeInput(root, 'logs/a/readme.md', '# not a log\n');
  writeInput(root, 'logs/a/x.json.gz', '{"file":"x"}', true);
  symlinkSync(join(root, 'logs'), join(root, 'logs', 'a', 'loop'));
  symlinkSync(join(root, 'missing-target'), join(root, 'logs', 'a', 'broken'));

  test('folders are walked recursively in a stable order', async () => {
    const warnings: SourceWarning[] = [];
    const files = await listInputs([join(root, 'logs'), '-'], { onWarning: (warning) => warnings.push(warning) });
    const relative = files.map((file) => file.replace(`${root}/`, ''));
    assert.deepEqual(relative, [
      'logs/a/readme.md',
      'logs/a/x.json.gz',
      'logs/b/B.jsonl',
      'logs/b/deeper/c.json',
      'logs/z.jsonl',
      '-',
    ]);
    assert.deepEqual(warnings.map((warning) => [warning.code, warning.position.file.endsWith('broken')]), [['READ_FAILED', true]]);
  });

  test('a file stays as given', async () => {
    const file = join(root, 'logs', 'z.jsonl');
    assert.deepEqual(await listInputs([file, file]), [file, file]);
  });

  test('a missing path is a typed error naming it', async () => {
    const missing = join(root, 'nope', 'events.json');
    await assert.rejects(listInputs([join(root, 'logs'), missing]), (error: unknown) => {
      assert.ok(error instanceof InputNotFoundError);
      assert.equal(error.code, 'INPUT_NOT_FOUND');
      assert.equal(error.path, missing);
      assert.match(error.message, /nope\/events\.json/);
      return true;
    });
  });

  test('readInputs reads every file and warns about the rest', async () => {
    const warnings: SourceWarning[] = [];
    const names: unknown[] = [];
    for await (const batch of readInputs([join(root, 'logs')], { onWarning: (warning) => warnings.push(warning) })) {
      names.push(...batch.map((entry) => entry.event['file']));
    }
    assert.deepEqual(names, ['x', 'B', 'c', 'z']);
    assert.deepEqual(warnings.map((warning) => warning.code).sort(), ['READ_FAILED', 'UNKNOWN_FORMAT']);
  });
});
