// Chooses how a rule's regular expression runs: V8's RegExp, the linear-time matcher for
// patterns whose nested quantifiers could make a backtracking engine run for hours, or the
// literal sequence matcher for `a.*b.*c`.
import { compileRegex, hasNestedQuantifier, type RegexPattern } from '../sigma/index.ts';
import { LinearRegex } from './regex-vm/index.ts';
import { literalSequenceTester } from './regex-sequence.ts';

/** A test of whether the pattern occurs in a text (search anywhere, no implied anchors). */
export type RegexTester = (text: string) => boolean;

/** Compiles a rule regex into a tester that cannot hang on hostile input. */
export function compileRegexTester(pattern: RegexPattern): RegexTester {
  const sequence = literalSequenceTester(pattern);
  if (sequence !== undefined) return sequence;
  if (hasNestedQuantifier(pattern.source)) {
    try {
      const linear = new LinearRegex(pattern.source, pattern);
      return (text) => linear.test(text);
    } catch {
      // NOTE: a pattern with nested quantifiers and a construct the linear matcher lacks
      // (lookaround, backreferences) still runs on RegExp; no SigmaHQ rule has one.
    }
  }
  const regex = compileRegex(pattern);
  return (text) => regex.test(text);
}
