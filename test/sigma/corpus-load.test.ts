// Conformance: every SigmaHQ rule folder loads without an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, parseSigmaText } from '../../src/sigma/index.ts';
import { CORPUS, corpusMissing } from '../support/corpus.ts';

const FOLDERS = ['rules', 'rules-emerging-threats', 'rules-threat-hunting', 'rules-placeholder', 'rules-compliance', 'rules-dfir'];

function ruleFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => join(folder, name))
    .sort();
}

test('every SigmaHQ rule loads', { skip: corpusMissing('sigma/rules') }, () => {
  let rules = 0;
  let warnings = 0;
  const errors: string[] = [];
  for (const folder of FOLDERS) {
    for (const file of ruleFiles(`${CORPUS}sigma/${folder}`)) {
      const collection = parseSigmaText(readFileSync(file, 'utf8'), file);
      rules += collection.rules.length;
      for (const diagnostic of collection.diagnostics) {
        if (diagnostic.severity === 'error') errors.push(formatDiagnostic(diagnostic));
        else warnings++;
      }
    }
  }
  console.log(`SigmaHQ rules: ${rules} loaded, ${errors.length} errors, ${warnings} warnings`);
  assert.deepEqual(errors, []);
  assert.ok(rules > 3000);
});

test('deprecated and unsupported rules load or get a positioned diagnostic', { skip: corpusMissing('sigma/unsupported') }, () => {
  let loaded = 0;
  let diagnosed = 0;
  for (const folder of ['deprecated', 'unsupported']) {
    for (const file of ruleFiles(`${CORPUS}sigma/${folder}`)) {
      const collection = parseSigmaText(readFileSync(file, 'utf8'), file);
      const errors = collection.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      for (const error of errors) {
        assert.equal(error.span.file, file);
        assert.ok(error.span.line >= 1 && error.span.column >= 1, formatDiagnostic(error));
      }
      if (errors.length > 0) diagnosed++;
      else loaded++;
    }
  }
  console.log(`deprecated and unsupported files: ${loaded} load, ${diagnosed} have positioned errors`);
  assert.ok(loaded > 150);
});
