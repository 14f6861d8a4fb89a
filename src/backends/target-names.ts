/** Every query language `sigil convert` writes. */
export type TargetName =
  | 'postgres'
  | 'duckdb'
  | 'sqlite'
  | 'clickhouse'
  | 'lucene'
  | 'esql'
  | 'spl'
  | 'kql';

export const TARGET_NAMES: readonly TargetName[] = [
  'postgres',
  'duckdb',
  'sqlite',
  'clickhouse',
  'lucene',
  'esql',
  'spl',
  'kql',
];

/** Narrows a user-supplied string to a target name. */
export function isTargetName(name: string): name is TargetName {
  return (TARGET_NAMES as readonly string[]).includes(name);
}
