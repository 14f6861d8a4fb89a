// One rule per Sigma construct, shared by the golden-file tests of every target.
import type { CidrPattern, SigmaRule } from '../../src/sigma/index.ts';
import { allOf, cond, item, rule, sigmaString } from './rule-builder.ts';

const regex = (source: string, flags: Partial<{ ignoreCase: boolean; multiline: boolean; dotAll: boolean }> = {}) => ({
  kind: 'Regex' as const,
  source,
  ignoreCase: flags.ignoreCase ?? false,
  multiline: flags.multiline ?? false,
  dotAll: flags.dotAll ?? false,
});

const cidr = (text: string, version: 4 | 6, network: number[], prefixLength: number): CidrPattern => ({
  kind: 'Cidr',
  text,
  version,
  network,
  prefixLength,
});

/** Construct name → rule exercising it. */
export const CONSTRUCTS: Record<string, SigmaRule> = {
  equals: rule({ selection: item('Image', ['C:\\Windows\\System32\\cmd.exe']) }),
  'equals list': rule({ selection: item('EventID', ['4688', '1']) }),
  contains: rule({ selection: item('CommandLine', ['*-enc *']) }),
  startswith: rule({ selection: item('CommandLine', ['powershell*']) }),
  endswith: rule({ selection: item('Image', ['*\\rundll32.exe']) }),
  'wildcard in the middle': rule({ selection: item('Image', ['C:\\Users*AppData*.exe']) }),
  'single-character wildcard': rule({ selection: item('Image', ['*\\svch?st.exe']) }),
  'escaped wildcard': rule({ selection: item('CommandLine', ['*\\*.dll*']) }),
  'SQL metacharacters': rule({ selection: item('TargetFilename', ["*100%_o'brien\"x*"]) }),
  'lucene metacharacters': rule({ selection: item('CommandLine', ['*(a:b) [c] {d} ~e ^f !g +h -i /j*']) }),
  'empty string': rule({ selection: item('ParentCommandLine', ['']) }),
  'lone star': rule({ selection: item('Image', ['*']) }),
  cased: rule({ selection: item('CommandLine', ['*Invoke-Mimikatz*'], { cased: true }) }),
  'contains all': rule({ selection: item('CommandLine', ['*net*', '*user*', '*/add*'], { all: true }) }),
  regex: rule({ selection: item('CommandLine', [regex('\\s-e(nc|ncodedcommand)?\\s+[A-Za-z0-9+/=]{20,}')]) }),
  'regex i': rule({ selection: item('CommandLine', [regex('^cmd\\.exe /c .*whoami', { ignoreCase: true })]) }),
  'regex word boundary': rule({ selection: item('CommandLine', [regex('\\bsekurlsa\\b')]) }),
  'regex lookahead': rule({ selection: item('CommandLine', [regex('foo(?=bar)')]) }),
  'cidr IPv4': rule({ selection: item('DestinationIp', [cidr('172.16.0.0/12', 4, [172, 16, 0, 0], 12)]) }),
  'cidr IPv6': rule({ selection: item('DestinationIp', [cidr('fe80::/10', 6, [0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 10)]) }),
  gte: rule({ selection: item('LogonType', [{ kind: 'Compare', operator: 'gte', value: 10, text: '10' }]) }),
  'exists true': rule({ selection: item('OriginalFileName', [{ kind: 'Exists', present: true }]) }),
  'exists false': rule({ selection: item('OriginalFileName', [{ kind: 'Exists', present: false }]) }),
  null: rule({ selection: item('OriginalFileName', [{ kind: 'Null' }]) }),
  neq: rule({ selection: item('IntegrityLevel', ['System', 'High'], { negated: true }) }),
  keyword: rule({ keywords: item(null, ['mimikatz', 'sekurlsa::*']) }),
  'keyword regex': rule({ keywords: item(null, [regex('kerberos::(ptt|golden)')]) }),
  fieldref: rule({ selection: item('ParentImage', [{ kind: 'FieldRef', field: 'Image', match: 'equals', cased: false }]) }),
  'fieldref endswith': rule({ selection: item('CommandLine', [{ kind: 'FieldRef', field: 'Image', match: 'endswith', cased: false }]) }),
  'selection and not filter': rule(
    { selection: item('Image', ['*\\net.exe']), filter: item('ParentImage', ['*\\explorer.exe']) },
    cond.and(cond.id('selection'), cond.not(cond.id('filter'))),
  ),
  'one of and all of': rule(
    {
      selection_a: item('Image', ['*\\a.exe']),
      selection_b: item('Image', ['*\\b.exe']),
      filter_1: item('User', ['SYSTEM']),
      filter_2: allOf(item('User', ['*svc*']), item('LogonId', ['0x3e7'])),
    },
    cond.and(cond.oneOf('selection_a', 'selection_b'), cond.not(cond.oneOf('filter_1', 'filter_2'))),
  ),
  'process_creation logsource': rule({ selection: item('Image', ['*\\whoami.exe']) }, undefined, {
    product: 'windows',
    category: 'process_creation',
  }),
  'time modifier': rule({
    selection: item('TimeCreated_SystemTime', [{ kind: 'TimePart', part: 'hour', inner: sigmaString('3') }]),
  }),
  placeholder: rule({ selection: item('User', [{ kind: 'Placeholder', name: 'Administrators' }]) }),
};
