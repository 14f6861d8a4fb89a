// Which referenced rules a window shows, with or without their listed order. Order needs
// strictly increasing times: two events with the same timestamp cannot prove which came first.
import { assertNever, type ConditionNode } from '../sigma/model.ts';
import type { Observation } from './observation.ts';

/** What ordering needs of an observation. */
type Timed = Pick<Observation, 'time' | 'targets'>;

/** Returns, per target, whether the window has an event of it. */
export function targetsPresent(entries: readonly Timed[], targetCount: number): boolean[] {
  const present = new Array<boolean>(targetCount).fill(false);
  for (const entry of entries) for (const target of entry.targets) present[target] = true;
  return present;
}

/**
 * Returns, per target, whether it occurs in listed order: walking the targets in order, each one
 * counts when it has an event strictly later than the last target that counted.
 * So for rules [a, b], b counts only when it follows an a (or when no a is in the window).
 */
export function targetsPresentInOrder(entries: readonly Timed[], targetCount: number): boolean[] {
  const present = new Array<boolean>(targetCount).fill(false);
  let last = -Infinity;
  for (let target = 0; target < targetCount; target++) {
    const first = entries.find((entry) => entry.time > last && entry.targets.includes(target));
    if (first !== undefined) {
      present[target] = true;
      last = first.time;
    }
  }
  return present;
}

/**
 * Returns the length of the longest chain of targets in listed order (ascending target indices)
 * whose events have strictly increasing times. `entries` must be time-ordered.
 */
export function longestOrderedChain(entries: readonly Timed[], targetCount: number): number {
  // best[t]: the longest chain that ends with an event of target t, among entries before the current time.
  const best = new Array<number>(targetCount).fill(0);
  let longest = 0;
  let index = 0;
  while (index < entries.length) {
    const time = (entries[index] as Timed).time;
    const updates: Array<[number, number]> = [];
    for (; index < entries.length && (entries[index] as Timed).time === time; index++) {
      for (const target of (entries[index] as Timed).targets) {
        let before = 0;
        for (let earlier = 0; earlier < target; earlier++) before = Math.max(before, best[earlier] as number);
        updates.push([target, before + 1]);
      }
    }
    // Applied after the whole time step, so that events with equal times never extend each other.
    for (const [target, length] of updates) {
      best[target] = Math.max(best[target] as number, length);
      longest = Math.max(longest, length);
    }
  }
  return longest;
}

/** Evaluates a correlation expression given which identifiers are present. */
export function evaluateExpression(node: ConditionNode, isPresent: (identifier: string) => boolean): boolean {
  switch (node.kind) {
    case 'Identifier':
      return isPresent(node.name);
    case 'And':
      return node.operands.every((operand) => evaluateExpression(operand, isPresent));
    case 'Or':
      return node.operands.some((operand) => evaluateExpression(operand, isPresent));
    case 'Not':
      return !evaluateExpression(node.operand, isPresent);
    case 'Of':
      return node.quantifier === 'all' ? node.identifiers.every(isPresent) : node.identifiers.some(isPresent);
    default:
      return assertNever(node);
  }
}
