// Table-driven semantics: each row is a detection, an event and the expected verdict. Every row
// runs through the reference evaluator and the compiled rule set, which must both give it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateRule, RuleSet } from '../../src/engine/index.ts';
import { plainProfile, ruleFromDetection } from '../support/rules.ts';

interface Case {
  name: string;
  detection: string;
  event: Record<string, unknown>;
  expected: boolean;
}

const single = (item: string): string => `selection:\n    ${item}\ncondition: selection`;

const cases: Case[] = [
  // Plain values: whole-value, case-insensitive, typed as text.
  { name: 'equals ignores case', detection: single("Image: 'C:\\Windows\\cmd.exe'"), event: { Image: 'c:\\windows\\CMD.EXE' }, expected: true },
  { name: 'equals is whole value', detection: single("Image: 'cmd.exe'"), event: { Image: 'C:\\cmd.exe' }, expected: false },
  { name: 'unicode case folding', detection: single("User: 'ÄDMIN'"), event: { User: 'ädmin' }, expected: true },
  { name: 'number rule vs number event', detection: single('EventID: 4688'), event: { EventID: 4688 }, expected: true },
  { name: 'number rule vs string event', detection: single('EventID: 4688'), event: { EventID: '4688' }, expected: true },
  { name: 'leading zeros kept as text', detection: single('Details: 00000429'), event: { Details: '00000429' }, expected: true },
  { name: 'leading zeros not a number', detection: single('Details: 00000429'), event: { Details: 429 }, expected: false },
  { name: 'hex stays text', detection: single('LogonId: 0x3e7'), event: { LogonId: '0x3e7' }, expected: true },
  { name: 'boolean rule vs boolean event', detection: single('Initiated: true'), event: { Initiated: true }, expected: true },
  { name: 'quoted true vs boolean event', detection: single("Initiated: 'true'"), event: { Initiated: true }, expected: true },
  { name: 'boolean vs text', detection: single('Initiated: true'), event: { Initiated: 'True' }, expected: true },
  { name: 'bigint event value', detection: single('Size: 18446744073709551615'), event: { Size: 18446744073709551615n }, expected: true },
  { name: 'list is OR', detection: single("Image: ['a.exe', 'b.exe']"), event: { Image: 'b.exe' }, expected: true },
  { name: 'map is AND', detection: "selection:\n    A: x\n    B: y\ncondition: selection", event: { A: 'x', B: 'z' }, expected: false },
  { name: 'list of maps is OR', detection: "selection:\n    - A: x\n    - B: y\ncondition: selection", event: { B: 'y' }, expected: true },

  // Absent fields, null and empty values.
  { name: 'absent field is false', detection: single('A: x'), event: {}, expected: false },
  { name: 'not on absent field is true', detection: "selection:\n    A: x\nfilter:\n    B: y\ncondition: selection and not filter", event: { A: 'x' }, expected: true },
  { name: 'null matches absent', detection: single('A: null'), event: {}, expected: true },
  { name: 'null matches null', detection: single('A: null'), event: { A: null }, expected: true },
  { name: 'null does not match empty', detection: single('A: null'), event: { A: '' }, expected: false },
  { name: 'empty matches empty', detection: single("A: ''"), event: { A: '' }, expected: true },
  { name: 'empty does not match absent', detection: single("A: ''"), event: {}, expected: false },
  { name: 'exists true on empty', detection: single('A|exists: true'), event: { A: '' }, expected: true },
  { name: 'exists true on null', detection: single('A|exists: true'), event: { A: null }, expected: true },
  { name: 'exists false on absent', detection: single('A|exists: false'), event: {}, expected: true },
  { name: 'exists false on present', detection: single('A|exists: false'), event: { A: 'x' }, expected: false },

  // Wildcards and escapes.
  { name: 'star wildcard', detection: single("Image: '*\\cmd.exe'"), event: { Image: 'C:\\Windows\\cmd.exe' }, expected: true },
  { name: 'question wildcard one char', detection: single("A: 'a?c'"), event: { A: 'abc' }, expected: true },
  { name: 'question wildcard not zero chars', detection: single("A: 'a?c'"), event: { A: 'ac' }, expected: false },
  { name: 'middle star', detection: single("A: 'a*c*e'"), event: { A: 'abcde' }, expected: true },
  { name: 'middle star order', detection: single("A: 'a*e*c'"), event: { A: 'abcde' }, expected: false },
  { name: 'overlapping prefix suffix', detection: single("A: 'ab*ba'"), event: { A: 'aba' }, expected: false },
  { name: 'escaped star is literal', detection: single("A: 'a\\*b'"), event: { A: 'a*b' }, expected: true },
  { name: 'escaped star not wildcard', detection: single("A: 'a\\*b'"), event: { A: 'axb' }, expected: false },
  { name: 'escaped question literal', detection: single("A: 'a\\?'"), event: { A: 'a?' }, expected: true },
  { name: 'double backslash is one', detection: single("A: 'C:\\\\Windows'"), event: { A: 'C:\\Windows' }, expected: true },
  { name: 'single backslash literal', detection: single("A: 'C:\\Windows'"), event: { A: 'C:\\Windows' }, expected: true },
  { name: 'backslash before star wildcard', detection: single("A: 'dir\\\\*'"), event: { A: 'dir\\anything' }, expected: true },
  { name: 'three backslashes before star', detection: single("A: 'dir\\\\\\*'"), event: { A: 'dir\\*' }, expected: true },
  { name: 'unc prefix', detection: single("A|startswith: '\\\\\\\\server'"), event: { A: '\\\\server\\share' }, expected: true },
  { name: 'trailing backslash kept', detection: single("A|endswith: 'dir\\'"), event: { A: 'C:\\dir\\' }, expected: true },

  // contains, startswith, endswith, all, cased.
  { name: 'contains', detection: single("CommandLine|contains: 'mimikatz'"), event: { CommandLine: 'run MimiKatz.exe' }, expected: true },
  { name: 'startswith', detection: single("A|startswith: 'abc'"), event: { A: 'ABCdef' }, expected: true },
  { name: 'endswith miss', detection: single("A|endswith: 'abc'"), event: { A: 'abcd' }, expected: false },
  { name: 'contains all', detection: single("A|contains|all: ['x', 'y']"), event: { A: 'y..x' }, expected: true },
  { name: 'contains all miss', detection: single("A|contains|all: ['x', 'y']"), event: { A: 'x alone' }, expected: false },
  { name: 'contains with wildcard inside', detection: single("A|contains: 'a*c'"), event: { A: 'zzabbbczz' }, expected: true },
  { name: 'cased match', detection: single("A|cased: 'Abc'"), event: { A: 'Abc' }, expected: true },
  { name: 'cased miss', detection: single("A|cased: 'Abc'"), event: { A: 'abc' }, expected: false },
  { name: 'contains cased', detection: single("A|contains|cased: 'Xy'"), event: { A: 'aXyb' }, expected: true },

  // neq.
  { name: 'neq different', detection: single("A|neq: 'x'"), event: { A: 'y' }, expected: true },
  { name: 'neq same', detection: single("A|neq: 'x'"), event: { A: 'X' }, expected: false },
  { name: 'neq absent', detection: single("A|neq: 'x'"), event: {}, expected: false },
  { name: 'neq list', detection: single("A|neq: ['x', 'y']"), event: { A: 'y' }, expected: false },

  // Regular expressions.
  { name: 're searches anywhere', detection: single("A|re: 'b+c'"), event: { A: 'abbbcd' }, expected: true },
  { name: 're case sensitive', detection: single("A|re: 'ABC'"), event: { A: 'abc' }, expected: false },
  { name: 're i flag', detection: single("A|re|i: 'ABC'"), event: { A: 'xabcx' }, expected: true },
  { name: 're ignorecase alias', detection: single("A|re|ignorecase: 'ABC'"), event: { A: 'abc' }, expected: true },
  { name: 're inline i', detection: single("A|re: '(?i)ABC'"), event: { A: 'abc' }, expected: true },
  { name: 're m flag', detection: single("A|re|m: '^b$'"), event: { A: 'a\nb\nc' }, expected: true },
  { name: 're without m', detection: single("A|re: '^b$'"), event: { A: 'a\nb\nc' }, expected: false },
  { name: 're s flag', detection: single("A|re|s: 'a.c'"), event: { A: 'a\nc' }, expected: true },
  { name: 're without s', detection: single("A|re: 'a.c'"), event: { A: 'a\nc' }, expected: false },
  { name: 're on number', detection: single("A|re: '^4\\d+$'"), event: { A: 4688 }, expected: true },

  // Numbers.
  { name: 'gt', detection: single('A|gt: 10'), event: { A: 11 }, expected: true },
  { name: 'gt equal', detection: single('A|gt: 10'), event: { A: 10 }, expected: false },
  { name: 'gte equal', detection: single('A|gte: 10'), event: { A: '10' }, expected: true },
  { name: 'lt text number', detection: single('A|lt: 10'), event: { A: '9.5' }, expected: true },
  { name: 'lte', detection: single('A|lte: 10'), event: { A: 11 }, expected: false },
  { name: 'gt not a number', detection: single('A|gt: 10'), event: { A: 'abc' }, expected: false },
  { name: 'gt hex event', detection: single('A|gt: 10'), event: { A: '0x20' }, expected: true },

  // CIDR.
  { name: 'cidr v4 in', detection: single("Ip|cidr: '10.0.0.0/8'"), event: { Ip: '10.1.2.3' }, expected: true },
  { name: 'cidr v4 out', detection: single("Ip|cidr: '10.0.0.0/8'"), event: { Ip: '11.1.2.3' }, expected: false },
  { name: 'cidr v6 in', detection: single("Ip|cidr: 'fe80::/10'"), event: { Ip: 'FE80::1%eth0' }, expected: true },
  { name: 'cidr v6 out', detection: single("Ip|cidr: 'fc00::/7'"), event: { Ip: '2001:db8::1' }, expected: false },
  { name: 'cidr mapped v4', detection: single("Ip|cidr: '192.168.0.0/16'"), event: { Ip: '::ffff:192.168.1.1' }, expected: true },
  { name: 'cidr octal rejected', detection: single("Ip|cidr: '10.0.0.0/8'"), event: { Ip: '010.1.2.3' }, expected: false },
  { name: 'cidr odd prefix', detection: single("Ip|cidr: '172.16.0.0/12'"), event: { Ip: '172.31.255.255' }, expected: true },
  { name: 'cidr odd prefix out', detection: single("Ip|cidr: '172.16.0.0/12'"), event: { Ip: '172.32.0.1' }, expected: false },

  // Encodings.
  { name: 'base64', detection: single("A|base64: 'ping'"), event: { A: 'cGluZw==' }, expected: true },
  { name: 'base64 contains', detection: single("A|base64|contains: 'ping'"), event: { A: 'xxcGluZw==xx' }, expected: true },
  { name: 'base64offset 0', detection: single("A|base64offset|contains: 'ping'"), event: { A: 'zzcGluZzz' }, expected: true },
  { name: 'base64offset 1', detection: single("A|base64offset|contains: 'ping'"), event: { A: 'zzBpbmzz' }, expected: true },
  { name: 'base64offset 2', detection: single("A|base64offset|contains: 'ping'"), event: { A: 'zzwaW5nzz' }, expected: true },
  { name: 'base64offset case differs', detection: single("A|base64offset|contains: 'ping'"), event: { A: 'CGLUZ' }, expected: true },
  { name: 'wide base64offset', detection: single("A|wide|base64offset|contains: 'ping'"), event: { A: '..AAaQBuAGcA..' }, expected: true },
  { name: 'utf16le base64offset', detection: single("A|utf16le|base64offset|contains: 'ping'"), event: { A: 'cABpAG4AZw' }, expected: true },
  { name: 'utf16be base64', detection: single("A|utf16be|base64: 'ab'"), event: { A: 'AGEAYg==' }, expected: true },
  { name: 'utf16 base64 with bom', detection: single("A|utf16|base64: 'ab'"), event: { A: '//5hAGIA' }, expected: true },
  { name: 'windash slash', detection: single("A|windash|contains: ' -enc '"), event: { A: 'powershell /enc x' }, expected: true },
  { name: 'windash en dash', detection: single("A|windash|contains: ' -enc '"), event: { A: 'powershell \u2013enc x' }, expected: true },
  { name: 'windash em dash', detection: single("A|windash|contains: ' -enc '"), event: { A: 'powershell \u2014enc x' }, expected: true },
  { name: 'windash horizontal bar', detection: single("A|windash|contains: ' -enc '"), event: { A: 'powershell \u2015enc x' }, expected: true },
  { name: 'windash inner dash unchanged', detection: single("A|contains|windash: 'param-name'"), event: { A: 'param/name' }, expected: false },

  // Time parts.
  { name: 'hour', detection: single('T|hour: 3'), event: { T: '2024-01-02T03:04:05Z' }, expected: true },
  { name: 'hour gte', detection: single('T|hour|gte: 20'), event: { T: '2024-01-02 21:04:05.123' }, expected: true },
  { name: 'minute', detection: single('T|minute: 4'), event: { T: '2024-01-02T03:04:05Z' }, expected: true },
  { name: 'day', detection: single('T|day: 2'), event: { T: '2024-01-02T03:04:05Z' }, expected: true },
  { name: 'month', detection: single('T|month: 1'), event: { T: '2024-01-02T03:04:05Z' }, expected: true },
  { name: 'year', detection: single('T|year: 2024'), event: { T: '2024-01-02T03:04:05Z' }, expected: true },
  { name: 'week', detection: single('T|week: 1'), event: { T: '2024-01-02T03:04:05Z' }, expected: true },
  { name: 'time part not a time', detection: single('T|hour: 3'), event: { T: 'soon' }, expected: false },

  // fieldref.
  { name: 'fieldref equal', detection: single('A|fieldref: B'), event: { A: 'x', B: 'X' }, expected: true },
  { name: 'fieldref differ', detection: single('A|fieldref: B'), event: { A: 'x', B: 'y' }, expected: false },
  { name: 'fieldref other absent', detection: single('A|fieldref: B'), event: { A: 'x' }, expected: false },
  { name: 'fieldref contains', detection: single('A|fieldref|contains: B'), event: { A: 'axb', B: 'x' }, expected: true },
  { name: 'fieldref neq', detection: single('A|fieldref|neq: B'), event: { A: 'x', B: 'y' }, expected: true },

  // Arrays in events.
  { name: 'array any element', detection: single("A: 'b'"), event: { A: ['a', 'b'] }, expected: true },
  { name: 'array contains all across elements', detection: single("A|contains|all: ['a', 'b']"), event: { A: ['xa', 'xb'] }, expected: true },
  { name: 'array no element', detection: single("A: 'c'"), event: { A: ['a', 'b'] }, expected: false },

  // Keywords.
  { name: 'keyword anywhere', detection: "keywords:\n    - 'mimikatz'\ncondition: keywords", event: { a: { b: 'x MIMIKATZ y' } }, expected: true },
  { name: 'keyword miss', detection: "keywords:\n    - 'mimikatz'\ncondition: keywords", event: { a: 'x' }, expected: false },
  { name: 'keyword in number', detection: "keywords:\n    - '4688'\ncondition: keywords", event: { a: 14688 }, expected: true },
  { name: 'keyword wildcard', detection: "keywords:\n    - 'a*c'\ncondition: keywords", event: { a: 'zabcz' }, expected: true },
  { name: 'keywords all', detection: "keywords:\n    '|all':\n        - 'foo'\n        - 'bar'\ncondition: keywords", event: { a: 'foo', b: 'bar' }, expected: true },
  { name: 'keywords all miss', detection: "keywords:\n    '|all':\n        - 'foo'\n        - 'bar'\ncondition: keywords", event: { a: 'foo' }, expected: false },

  // Conditions.
  { name: 'precedence and over or', detection: 'a:\n    A: 1\nb:\n    B: 1\nc:\n    C: 1\ncondition: a or b and c', event: { A: 1 }, expected: true },
  { name: 'precedence not over and', detection: 'a:\n    A: 1\nb:\n    B: 1\ncondition: not a and b', event: { A: 1, B: 1 }, expected: false },
  { name: 'parentheses', detection: 'a:\n    A: 1\nb:\n    B: 1\nc:\n    C: 1\ncondition: (a or b) and c', event: { A: 1 }, expected: false },
  { name: '1 of pattern', detection: 'sel_a:\n    A: 1\nsel_b:\n    B: 1\ncondition: 1 of sel_*', event: { B: 1 }, expected: true },
  { name: 'all of pattern', detection: 'sel_a:\n    A: 1\nsel_b:\n    B: 1\ncondition: all of sel_*', event: { B: 1 }, expected: false },
  { name: 'any of alias', detection: 'sel_a:\n    A: 1\nsel_b:\n    B: 1\ncondition: any of sel_*', event: { A: 1 }, expected: true },
  { name: '1 of them skips underscore', detection: 'sel:\n    A: 1\n_hidden:\n    B: 1\ncondition: 1 of them', event: { B: 1 }, expected: false },
  { name: 'all of them skips underscore', detection: 'sel:\n    A: 1\n_hidden:\n    B: 1\ncondition: all of them', event: { A: 1 }, expected: true },
  { name: 'condition list is OR', detection: 'a:\n    A: 1\nb:\n    B: 1\ncondition:\n    - a\n    - b', event: { B: 1 }, expected: true },
  { name: 'not not', detection: 'a:\n    A: 1\ncondition: not not a', event: { A: 1 }, expected: true },
  { name: 'keywords case upper operators', detection: 'a:\n    A: 1\nb:\n    B: 1\ncondition: a AND NOT b', event: { A: 1 }, expected: true },

  // Dotted names.
  { name: 'dotted name walks', detection: single('a.b: x'), event: { a: { b: 'x' } }, expected: true },
  { name: 'literal dotted key wins', detection: single('a.b: x'), event: { 'a.b': 'x', a: { b: 'y' } }, expected: true },
];

describe('detection semantics', () => {
  for (const row of cases) {
    test(row.name, () => {
      const rule = ruleFromDetection(row.detection);
      assert.equal(evaluateRule(rule, row.event, plainProfile), row.expected, 'reference evaluator');
      const ruleSet = new RuleSet([rule], plainProfile);
      assert.deepEqual(ruleSet.errors, []);
      assert.equal(ruleSet.match(row.event).length === 1, row.expected, 'compiled rule set');
    });
  }
});
