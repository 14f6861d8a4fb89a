// Limits that keep hostile input from exhausting the stack, the CPU or memory. Real Windows
// events stay far below each of them.

/** Deepest element nesting accepted inside one fragment. */
export const MAX_ELEMENT_DEPTH = 128;
/** Deepest nesting of fragments: template definitions and Binary XML values inside values. */
export const MAX_FRAGMENT_DEPTH = 16;
/**
 * Most nodes rendered for one record, where each 16 bytes of a value also count as a node. A
 * template may use a substitution many times, and each use may expand a nested template, so
 * output could otherwise grow exponentially with nesting.
 */
export const MAX_RENDERED_NODES = 200_000;
/** Most substitution values one template instance may declare. */
export const MAX_SUBSTITUTIONS = 4096;
