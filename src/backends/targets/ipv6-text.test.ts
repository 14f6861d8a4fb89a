import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIp } from '../../sigma/ip.ts';
import { ipv6TextRegex } from './ipv6-text.ts';

const regex = new RegExp(ipv6TextRegex());

// The regex accepts exactly the IPv6 text the engine parses, and captures the address part.
const CASES: Array<[text: string, address: string | undefined]> = [
  ['::', '::'],
  ['::1', '::1'],
  ['1::', '1::'],
  ['2001:db8::1', '2001:db8::1'],
  ['2001:DB8:0:0:0:0:0:1', '2001:DB8:0:0:0:0:0:1'],
  ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7::'],
  ['::2:3:4:5:6:7:8', '::2:3:4:5:6:7:8'],
  ['1::2:3:4:5:6:7', '1::2:3:4:5:6:7'],
  ['::ffff:10.0.0.1', '::ffff:10.0.0.1'],
  ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:1.2.3.4'],
  ['1::5:6:1.2.3.4', '1::5:6:1.2.3.4'],
  ['::1.2.3.4', '::1.2.3.4'],
  ['fe80::1%eth0', 'fe80::1'],
  [' \t2001:db8::1\u00a0', '2001:db8::1'],
  ['fe80::1% zone ', 'fe80::1'],
  ['fe80::1%', undefined],
  ['fe80::1% ', undefined],
  ['1:2:3:4:5:6:7:8:9', undefined],
  ['1:2:3:4:5:6:7::8', undefined],
  ['1:2:3:4:5:6:7', undefined],
  ['1::2::3', undefined],
  [':::', undefined],
  ['12345::', undefined],
  ['1.2.3.4::', undefined],
  ['::1.2.3.04', undefined],
  ['::256.1.1.1', undefined],
  ['1:2:3:4:5:6:7:1.2.3.4', undefined],
  ['2001:db8::1/64', undefined],
  ['g::1', undefined],
  ['10.0.0.1', undefined],
  ['', undefined],
];

test('IPv6 regex matches the engine parser', () => {
  for (const [text, address] of CASES) {
    const match = regex.exec(text);
    assert.equal(match?.[1], address, JSON.stringify(text));
    const engine = text.includes(':') ? parseIp(text.trim()) : undefined;
    assert.equal(engine !== undefined, address !== undefined, `engine and regex differ on ${JSON.stringify(text)}`);
  }
});
