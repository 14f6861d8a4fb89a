// YAML documents with source positions, read with the "Sigma schema": YAML 1.2 core without
// its int and float tags, so that `00000429`, `0x10` or `1.0` stay the text the author wrote.
import * as YAML from 'yaml';
import type { Diagnostic } from './diagnostics.ts';
import type { SourceSpan } from './span.ts';

type YamlPath = ReadonlyArray<string | number>;

const SIGMA_YAML_OPTIONS: YAML.ParseOptions & YAML.DocumentOptions & YAML.SchemaOptions = {
  customTags: (tags) => tags.filter((tag) => !/:(int|float)$/.test((tag as { tag: string }).tag)),
};

/** One parsed YAML document: its plain value and a way to find the position of any node in it. */
export interface YamlDocument {
  file: string;
  index: number;
  value: unknown;
  /** The document's own text. */
  text: string;
  /** Span of the node at `path`; with `key`, the span of the map key that leads to it. */
  spanOf(path: YamlPath, key?: boolean): SourceSpan;
  /** True when the document's YAML had errors. */
  hasErrors: boolean;
}

/** Parses every document of a YAML file. Errors stay with their document; the others remain usable. */
export function parseYamlDocuments(text: string, file: string): { documents: YamlDocument[]; diagnostics: Diagnostic[] } {
  const lineCounter = new YAML.LineCounter();
  const parsed = YAML.parseAllDocuments(text, { ...SIGMA_YAML_OPTIONS, lineCounter, prettyErrors: false });
  const list = Array.isArray(parsed) ? parsed : [];
  const diagnostics: Diagnostic[] = [];
  const documents: YamlDocument[] = [];

  const position = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  for (const [index, doc] of list.entries()) {
    for (const problem of [...doc.errors, ...doc.warnings]) {
      const start = position(problem.pos[0]);
      diagnostics.push({
        code: doc.errors.includes(problem as YAML.YAMLError) ? 'YAML_SYNTAX' : 'YAML_WARNING',
        severity: doc.errors.includes(problem as YAML.YAMLError) ? 'error' : 'warning',
        message: problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, ''),
        span: { file, ...start, yamlPath: [] },
      });
    }

    const range = doc.range;
    const documentText = text.slice(range[0], range[2]);
    const spanOfNode = (node: YAML.Node | null | undefined, path: YamlPath): SourceSpan => {
      const nodeRange = node?.range ?? range;
      const start = position(nodeRange[0]);
      const end = position(nodeRange[1]);
      return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, yamlPath: path };
    };

    let value: unknown = null;
    if (doc.errors.length === 0) {
      try {
        value = doc.toJS({ maxAliasCount: 100 });
      } catch (error) {
        diagnostics.push({
          code: 'YAML_SYNTAX',
          severity: 'error',
          message: (error as Error).message,
          span: spanOfNode(doc.contents, []),
        });
      }
    }

    documents.push({
      file,
      index,
      value,
      text: documentText,
      hasErrors: doc.errors.length > 0,
      spanOf: (path, key = false) => spanOfNode(findNode(doc, path, key), path),
    });
  }
  return { documents, diagnostics };
}

/** Finds the node at `path`, or its key node; falls back to the deepest node found. */
function findNode(doc: YAML.Document, path: YamlPath, key: boolean): YAML.Node | null {
  let node: unknown = doc.contents;
  for (const [depth, step] of path.entries()) {
    if (YAML.isMap(node)) {
      const pair = node.items.find((item) => YAML.isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) return node;
      if (key && depth === path.length - 1 && YAML.isNode(pair.key)) return pair.key;
      node = pair.value ?? pair.key;
    } else if (YAML.isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (!item) return node;
      node = item;
    } else {
      break;
    }
  }
  return YAML.isNode(node) ? node : null;
}
