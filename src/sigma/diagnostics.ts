import { formatYamlPath, type SourceSpan } from './span.ts';

/** Every diagnostic code the Sigma loader can report. */
export type DiagnosticCode =
  | 'YAML_SYNTAX'
  | 'YAML_WARNING'
  | 'NOT_A_MAPPING'
  | 'MISSING_FIELD'
  | 'INVALID_FIELD'
  | 'INVALID_VALUE'
  | 'UNKNOWN_DOCUMENT'
  | 'COLLECTION_ACTION'
  | 'UNKNOWN_MODIFIER'
  | 'INVALID_MODIFIER_CHAIN'
  | 'INVALID_MODIFIER_VALUE'
  | 'INVALID_REGEX'
  | 'INVALID_CIDR'
  | 'INVALID_WILDCARD'
  | 'UNRESOLVED_PLACEHOLDER'
  | 'EMPTY_DETECTION'
  | 'CONDITION_SYNTAX'
  | 'UNKNOWN_IDENTIFIER'
  | 'EMPTY_PATTERN'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_RULE_REFERENCE'
  | 'CORRELATION_CYCLE'
  | 'INVALID_TIMESPAN'
  | 'INVALID_CORRELATION'
  | 'FILE_READ';

export type Severity = 'error' | 'warning';

/** One problem found while loading rules, with the place it was found. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  span: SourceSpan;
}

/** Base class of every typed error thrown by the Sigma layer. */
export class SigmaError extends Error {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly span: SourceSpan;

  constructor(code: DiagnosticCode, message: string, span: SourceSpan, severity: Severity = 'error') {
    super(message);
    this.name = 'SigmaError';
    this.code = code;
    this.severity = severity;
    this.span = span;
  }

  toDiagnostic(): Diagnostic {
    return { code: this.code, severity: this.severity, message: this.message, span: this.span };
  }
}

/** Raised when a condition string cannot be parsed. */
export class ConditionSyntaxError extends SigmaError {
  constructor(message: string, span: SourceSpan) {
    super('CONDITION_SYNTAX', message, span);
    this.name = 'ConditionSyntaxError';
  }
}

/** Raised when a modifier chain or a value does not fit its modifiers. */
export class ModifierError extends SigmaError {
  constructor(code: DiagnosticCode, message: string, span: SourceSpan) {
    super(code, message, span);
    this.name = 'ModifierError';
  }
}

/** Collects diagnostics; passed down the loader instead of throwing. */
export type DiagnosticSink = (diagnostic: Diagnostic) => void;

/** Formats a diagnostic as `file:line:col severity CODE message (at yaml.path)`. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { span } = diagnostic;
  const where = span.yamlPath.length > 0 ? ` (at ${formatYamlPath(span.yamlPath)})` : '';
  return `${span.file}:${span.line}:${span.column} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}${where}`;
}
