// `sigil hunt` with correlation rules over recorded brute-force logs from the shared corpus:
// real Security events, real timestamps, and an order of events that the rules must respect.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonLines, runSigil, tempFolder } from '../support/cli.ts';
import { CORPUS, corpusMissing } from '../support/corpus.ts';

const BRUTE_FORCE = 'evtx-json/EVTX-to-MITRE-Attack/TA0006-Credential Access/T1110.xxx-Brut force/';

const RULES = `title: Failed logon
name: failed_logon
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID: 4625
    condition: selection
---
title: Successful network logon
name: network_logon
logsource:
    product: windows
    service: security
detection:
    selection:
        EventID: 4624
        LogonType: 3
    condition: selection
---
title: Failed logon burst
name: failed_burst
correlation:
    type: event_count
    rules: failed_logon
    group-by: Computer
    timespan: 1m
    condition: {gte: 5}
---
title: Several accounts failing
name: accounts_failing
correlation:
    type: value_count
    rules: failed_logon
    group-by: Computer
    timespan: 1m
    condition: {field: TargetUserName, gte: 2}
---
title: Burst and network logon in any order
name: burst_near_logon
correlation:
    type: temporal
    rules: [failed_burst, network_logon]
    group-by: Computer
    timespan: 5m
    generate: true
---
title: Burst then network logon
name: burst_then_logon
correlation:
    type: temporal_ordered
    rules: [failed_burst, network_logon]
    group-by: Computer
    timespan: 5m
    generate: true
`;

/** `name group time value` per correlation alert of a hunt's JSON lines output. */
function alerts(stdout: string): string[] {
  return jsonLines(stdout)
    .filter((detection) => detection['kind'] === 'correlation')
    .map((detection) => {
      const correlation = detection['correlation'];
      return `${detection['rule'].name} ${Object.values(correlation.group).join(',')} ${detection['timestamp']} ${correlation.value}`;
    });
}

describe('correlation over the brute-force corpus', () => {
  const missing = corpusMissing(BRUTE_FORCE);

  test('fires on recorded brute force', { skip: missing }, () => {
    const folder = tempFolder();
    writeFileSync(join(folder, 'rules.yml'), RULES);
    const result = runSigil(['hunt', '-r', folder, CORPUS + BRUTE_FORCE, '-f', 'jsonl', '--no-summary']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(alerts(result.stdout), [
      'failed_burst fs01.offsec.lan 2021-05-20T12:49:54.945Z 5',
      // The network logon at 20:43:18 precedes the burst, so only the unordered correlation fires.
      'failed_burst fs01.offsec.lan 2021-05-21T20:43:50.866Z 5',
      'burst_near_logon fs01.offsec.lan 2021-05-21T20:43:50.866Z 2',
      'accounts_failing WIN 2023-09-25T20:39:50.822Z 2',
      'failed_burst WIN 2023-09-25T20:39:50.824Z 5',
    ]);
  });
});
