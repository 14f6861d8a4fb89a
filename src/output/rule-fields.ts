// The field names a rule's detection refers to, for showing the values that matter.
import type { DetectionNode, SigmaRule } from '../sigma/index.ts';

const cache = new WeakMap<SigmaRule, string[]>();

function collect(node: DetectionNode, into: Set<string>): void {
  if (node.kind === 'Item') {
    if (node.field !== null) into.add(node.field);
    return;
  }
  for (const item of node.items) collect(item, into);
}

/** Field names of the rule's detection in first-use order, without duplicates; keywords are left out. */
export function detectionFieldNames(rule: SigmaRule): string[] {
  let names = cache.get(rule);
  if (!names) {
    const set = new Set<string>();
    for (const search of rule.detection.searches) collect(search.body, set);
    names = [...set];
    cache.set(rule, names);
  }
  return names;
}
