// Choosing literals for the prefilter: how long they may be, and how selective a set of
// alternatives is, so the prefilter keeps the better of two necessary conditions.

/** Longer literals add automaton states without selecting better. */
const MAX_LITERAL = 16;

/**
 * Shortens a literal to at most MAX_LITERAL characters, keeping its end: paths share their
 * leading folders (`c:\windows\system32\`), so the end of a literal selects better.
 * Any substring of a required literal is still required.
 */
export function clipLiteral(literal: string): string {
  return literal.length > MAX_LITERAL ? literal.slice(-MAX_LITERAL) : literal;
}

/** A rough cost of a set of literals one of which must occur; lower selects fewer events. */
export function literalCost(literals: Iterable<string>): number {
  let total = 0;
  for (const literal of literals) total += 8 / Math.min(literal.length, 8);
  return total;
}
