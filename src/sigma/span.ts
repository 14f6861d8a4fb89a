/** A position in a source file: 1-based line and column plus the YAML path to the node. */
export interface SourceSpan {
  /** File path as given by the caller, or a label such as `<stdin>`. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Keys and indexes from the document root to the node, e.g. `['detection', 'selection', 'Image|endswith']`. */
  yamlPath: ReadonlyArray<string | number>;
}

/** Formats a YAML path as `detection.selection["Image|endswith"][0]`. */
export function formatYamlPath(path: ReadonlyArray<string | number>): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(key)) text += text === '' ? key : `.${key}`;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}

/** Returns a span at `column + offset` on the same line, used for text inside a YAML scalar. */
export function shiftSpan(span: SourceSpan, offset: number, length?: number): SourceSpan {
  const shifted: SourceSpan = { ...span, column: span.column + offset };
  if (length !== undefined) {
    shifted.endLine = span.line;
    shifted.endColumn = span.column + offset + length;
  }
  return shifted;
}
