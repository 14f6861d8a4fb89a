import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../../test/support/rules.ts';
import { getProfile } from '../profiles/index.ts';
import { RuleSet } from './rule-set.ts';

describe('RuleSet', () => {
  const rule = load(
    "title: Whoami\nlogsource:\n    product: windows\ndetection:\n    selection:\n        Image|endswith: '\\whoami.exe'\n        HostApplication|contains: 'nop'\n    condition: selection\n",
  ).rules[0]!;
  const windows = getProfile('windows')!;

  test('matches a reused event object by its new content', () => {
    const ruleSet = new RuleSet([rule], windows);
    const event: Record<string, any> = { Event: { System: { Channel: 'Security' }, EventData: { Image: 'C:\\x\\whoami.exe', HostApplication: 'pwsh -nop' } } };
    assert.equal(ruleSet.match(event).length, 1);
    event['Event'].EventData = { Image: 'C:\\x\\calc.exe', HostApplication: 'pwsh -nop' };
    assert.equal(ruleSet.match(event).length, 0);
    event['Event'].EventData = { Image: 'C:\\x\\whoami.exe', HostApplication: 'pwsh -nop' };
    assert.equal(ruleSet.match(event).length, 1);
  });

  test('hands out a new list for every match', () => {
    const ruleSet = new RuleSet([rule], windows);
    const first = ruleSet.match({ Event: { EventData: { Image: 'C:\\whoami.exe', HostApplication: '-nop' } } });
    const second = ruleSet.match({ Event: { EventData: { Image: 'C:\\calc.exe' } } });
    const third = ruleSet.match({ Event: { EventData: { Image: 'C:\\whoami.exe', HostApplication: '-nop' } } });
    assert.equal(first.length, 1);
    assert.equal(second.length, 0);
    assert.notEqual(first, third);
  });
});
