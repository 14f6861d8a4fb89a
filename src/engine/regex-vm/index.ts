export { LinearRegex } from './program.ts';
export { RegexUnsupportedError } from './parse.ts';
