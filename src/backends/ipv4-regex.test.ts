import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cidrContains, parseCidr, parseIp } from '../sigma/index.ts';
import type { CidrPattern } from '../sigma/model.ts';
import { ipv4CidrRegexBody } from './ipv4-regex.ts';

function pattern(text: string): CidrPattern {
  const [address, prefix] = text.split('/');
  const network = address!.split('.').map(Number);
  return { kind: 'Cidr', text, version: 4, network, prefixLength: Number(prefix) };
}

const CASES: Array<[string, string, boolean]> = [
  ['10.0.0.0/8', '10.1.2.3', true],
  ['10.0.0.0/8', '11.1.2.3', false],
  ['10.0.0.0/8', '010.1.2.3', false],
  ['172.16.0.0/12', '172.31.255.255', true],
  ['172.16.0.0/12', '172.32.0.1', false],
  ['172.16.0.0/12', '172.15.0.1', false],
  ['192.168.0.0/16', '192.168.0.256', false],
  ['192.168.1.128/25', '192.168.1.200', true],
  ['192.168.1.128/25', '192.168.1.100', false],
  ['0.0.0.0/0', '255.255.255.255', true],
  ['127.0.0.1/32', '127.0.0.1', true],
  ['127.0.0.1/32', '127.0.0.10', false],
];

test('ipv4 cidr regex matches the range exactly', () => {
  for (const [cidr, address, inside] of CASES) {
    const regex = new RegExp(`^${ipv4CidrRegexBody(pattern(cidr))}$`);
    assert.equal(regex.test(address), inside, `${address} in ${cidr}`);
  }
});

test('ipv4 cidr regex agrees with the engine on every /20 address', () => {
  const cidr = pattern('10.20.16.0/20');
  const range = parseCidr('10.20.16.0/20');
  assert.ok(range);
  const regex = new RegExp(`^${ipv4CidrRegexBody(cidr)}$`);
  for (let third = 0; third < 256; third += 1) {
    for (const fourth of [0, 7, 255]) {
      const address = `10.20.${third}.${fourth}`;
      assert.equal(regex.test(address), cidrContains(range, parseIp(address)!), address);
    }
  }
});
