export { parseCondition, MAX_CONDITION_DEPTH } from './parser.ts';
export { printCondition } from './printer.ts';
export { tokenize, type Token, type TokenKind } from './lexer.ts';
