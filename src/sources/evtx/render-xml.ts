// Rendering of parsed Binary XML as indented XML text, the way Windows Event Viewer shows an
// event: two-space indent, `<X />` for empty elements, attributes whose optional value is
// empty left out, GUIDs in braces, times with 7 fraction digits.
import type { ChunkContext } from './chunk-context.ts';
import { EvtxFormatError } from './errors.ts';
import { MAX_RENDERED_NODES } from './limits.ts';
import type { AttributeNode, ContentNode, ElementNode, Node, Substitutions } from './binxml/model.ts';
import { TYPE_ARRAY, TYPE_BINARY, TYPE_BINXML, TYPE_NULL } from './binxml/value-types.ts';
import { jsonValueToText, readJsonValue, readXmlText } from './binxml/values.ts';
import type { JsonValue } from './binxml/values.ts';

const NO_VALUES: Substitutions = { types: [], offsets: [], sizes: [], fragments: [] };

/** Children of an element while it is rendered: element text (already indented) or character data. */
type Part = { element: string } | { text: string };

export class XmlRenderer {
  private readonly context: ChunkContext;
  private budget = 0;

  constructor(context: ChunkContext) {
    this.context = context;
  }

  /** Renders a record's fragment as XML text, without an XML declaration, ending in a newline. */
  render(nodes: Node[]): string {
    this.budget = MAX_RENDERED_NODES;
    const parts: Part[] = [];
    this.renderNodes(nodes, NO_VALUES, 0, parts);
    let xml = '';
    for (const part of parts) xml += 'element' in part ? part.element : escapeText(part.text) + '\n';
    return xml;
  }

  /**
   * Counts a node, or a value of `size` bytes, against the record's budget. Each 16 bytes of a
   * value count as one node, so a value used many times cannot multiply memory without bound.
   */
  private charge(size: number): void {
    this.budget -= 1 + (size >>> 4);
    if (this.budget < 0) {
      throw new EvtxFormatError(`record expands to more than ${MAX_RENDERED_NODES} nodes`, 'record', 0);
    }
  }

  private readValue(valueType: number, offset: number, size: number): JsonValue {
    this.charge(size);
    return readJsonValue(this.context, valueType, offset, size);
  }

  private readText(valueType: number, offset: number, size: number): string {
    this.charge(size);
    return readXmlText(this.context, valueType, offset, size);
  }

  private renderNodes(nodes: Node[], values: Substitutions, depth: number, parts: Part[]): void {
    for (const node of nodes) {
      this.charge(0);
      switch (node.kind) {
        case 'Element':
          this.renderElement(node, values, depth, parts);
          break;
        case 'TemplateInstance':
          this.renderNodes(node.template.nodes, node.values, depth, parts);
          break;
        case 'Substitution': {
          const valueType = node.index < values.types.length ? values.types[node.index]! : TYPE_NULL;
          if (valueType === TYPE_BINXML) {
            const fragment = values.fragments[node.index];
            if (fragment !== undefined) this.renderNodes(fragment, NO_VALUES, depth, parts);
          } else if (valueType !== TYPE_NULL) {
            parts.push({ text: this.readText(valueType, values.offsets[node.index]!, values.sizes[node.index]!) });
          }
          break;
        }
        case 'ProcessingInstruction':
          parts.push({ element: `${indent(depth)}<?${node.target}${node.data === '' ? '' : ' ' + node.data}?>\n` });
          break;
        case 'CData':
          parts.push({ element: `${indent(depth)}<![CDATA[${node.text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>\n` });
          break;
        default:
          parts.push({ text: this.contentText(node, values) });
      }
    }
  }

  private renderElement(element: ElementNode, values: Substitutions, depth: number, parts: Part[]): void {
    const start = indent(depth) + '<' + element.name + this.renderAttributes(element.attributes, values);
    const child = element.children.length === 1 ? element.children[0]! : undefined;
    if (child?.kind === 'Substitution' && child.index < values.types.length) {
      const valueType = values.types[child.index]!;
      if (valueType & TYPE_ARRAY && valueType !== (TYPE_ARRAY | TYPE_BINARY)) {
        // One element per item of an array value (MS-EVEN6).
        const items = this.readValue(valueType, values.offsets[child.index]!, values.sizes[child.index]!) as unknown[];
        this.charge(items.length);
        for (const item of items) {
          const text = jsonValueToText(item as string);
          parts.push({ element: text === '' ? `${start} />\n` : `${start}>${escapeText(text)}</${element.name}>\n` });
        }
        return;
      }
    }

    const inner: Part[] = [];
    this.renderNodes(element.children, values, depth + 1, inner);
    let text = '';
    let hasElements = false;
    for (const part of inner) {
      if ('element' in part) hasElements = true;
      else text += part.text;
    }
    if (!hasElements) {
      parts.push({ element: text === '' ? `${start} />\n` : `${start}>${escapeText(text)}</${element.name}>\n` });
      return;
    }

    let xml = start + '>\n';
    for (const part of inner) {
      if ('element' in part) xml += part.element;
      else if (part.text !== '') xml += indent(depth + 1) + escapeText(part.text) + '\n';
    }
    parts.push({ element: xml + indent(depth) + '</' + element.name + '>\n' });
  }

  private renderAttributes(attributes: AttributeNode[], values: Substitutions): string {
    let text = '';
    for (const attribute of attributes) {
      const single = attribute.value.length === 1 ? attribute.value[0]! : undefined;
      if (single?.kind === 'Substitution' && single.optional && isEmptyValue(single.index, values)) continue;
      let value = '';
      for (const node of attribute.value) value += this.contentText(node, values);
      text += ` ${attribute.name}="${escapeAttribute(value)}"`;
    }
    return text;
  }

  private contentText(node: ContentNode, values: Substitutions): string {
    switch (node.kind) {
      case 'Text':
        return node.text;
      case 'Value':
        return this.readText(node.valueType, node.offset, node.size);
      case 'CharRef':
        return String.fromCharCode(node.code);
      case 'EntityRef':
        return entityText(node.name);
      case 'Substitution': {
        if (node.index >= values.types.length) return '';
        const valueType = values.types[node.index]!;
        if (valueType === TYPE_BINXML) return '';
        return this.readText(valueType, values.offsets[node.index]!, values.sizes[node.index]!);
      }
    }
  }
}

function isEmptyValue(index: number, values: Substitutions): boolean {
  return index >= values.types.length || values.types[index] === TYPE_NULL || values.sizes[index] === 0;
}

const INDENTS: string[] = [];
function indent(depth: number): string {
  return (INDENTS[depth] ??= '  '.repeat(depth));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function entityText(name: string): string {
  return Object.hasOwn(ENTITIES, name) ? ENTITIES[name]! : `&${name};`;
}

function escapeText(text: string): string {
  return /[&<>]/.test(text) ? text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;') : text;
}

function escapeAttribute(text: string): string {
  return /[&<"]/.test(text) ? text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;') : text;
}
