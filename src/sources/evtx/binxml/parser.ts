// Binary XML tokens → nodes. Template definitions are parsed once per chunk and cached by
// offset. A record's fragment usually parses to a single template instance, whose values are
// kept as places in the chunk (see Substitutions).
import type { ChunkContext } from '../chunk-context.ts';
import { ByteCursor } from '../cursor.ts';
import { EvtxFormatError } from '../errors.ts';
import { MAX_ELEMENT_DEPTH, MAX_FRAGMENT_DEPTH, MAX_SUBSTITUTIONS } from '../limits.ts';
import { formatGuid } from '../format.ts';
import type { AttributeNode, ContentNode, ElementNode, Node, Substitutions, Template } from './model.ts';
import { FLAG_MORE, TOKEN_ATTRIBUTE, TOKEN_CDATA_SECTION, TOKEN_CHAR_REF, TOKEN_CLOSE_EMPTY_ELEMENT, TOKEN_CLOSE_START_ELEMENT, TOKEN_END_ELEMENT, TOKEN_END_OF_STREAM, TOKEN_ENTITY_REF, TOKEN_FRAGMENT_HEADER, TOKEN_NORMAL_SUBSTITUTION, TOKEN_OPEN_START_ELEMENT, TOKEN_OPTIONAL_SUBSTITUTION, TOKEN_PI_DATA, TOKEN_PI_TARGET, TOKEN_TEMPLATE_INSTANCE, TOKEN_VALUE } from './tokens.ts';
import { TYPE_BINXML, TYPE_STRING, fixedSize, isKnownType } from './value-types.ts';

/** Size of a template definition header: next offset (4), GUID (16), data size (4). */
const TEMPLATE_HEADER_SIZE = 24;

/**
 * Parses the Binary XML in `[start, end)` of the chunk. `hasDependencyId`: element headers
 * carry a 2-byte dependency id inside template definitions, but not in records' own
 * fragments or in nested Binary XML values.
 */
export function parseFragment(
  context: ChunkContext,
  start: number,
  end: number,
  hasDependencyId: boolean,
  depth: number,
): Node[] {
  if (depth > MAX_FRAGMENT_DEPTH) {
    throw new EvtxFormatError(`Binary XML nested deeper than ${MAX_FRAGMENT_DEPTH} levels`, 'fragment', start);
  }
  const parser = new FragmentParser(context, new ByteCursor(context.bytes, context.view, start, end), hasDependencyId, depth);
  return parser.parse();
}

class FragmentParser {
  private readonly context: ChunkContext;
  private readonly cursor: ByteCursor;
  private readonly hasDependencyId: boolean;
  private readonly depth: number;

  constructor(context: ChunkContext, cursor: ByteCursor, hasDependencyId: boolean, depth: number) {
    this.context = context;
    this.cursor = cursor;
    this.hasDependencyId = hasDependencyId;
    this.depth = depth;
  }

  parse(): Node[] {
    const cursor = this.cursor;
    const root: Node[] = [];
    const open: ElementNode[] = [];
    let nodes = root;
    while (cursor.pos < cursor.end) {
      const tokenOffset = cursor.pos;
      const token = cursor.u8('token');
      switch (token) {
        case TOKEN_END_OF_STREAM:
          if (open.length > 0) throw new EvtxFormatError(`end of stream inside <${open[open.length - 1]!.name}>`, 'token', tokenOffset);
          return root;
        case TOKEN_OPEN_START_ELEMENT:
        case TOKEN_OPEN_START_ELEMENT | FLAG_MORE: {
          const element = this.readElementStart(token === (TOKEN_OPEN_START_ELEMENT | FLAG_MORE));
          nodes.push(element);
          const close = cursor.u8('element.close');
          if (close === TOKEN_CLOSE_START_ELEMENT) {
            if (open.length >= MAX_ELEMENT_DEPTH) {
              throw new EvtxFormatError(`elements nested deeper than ${MAX_ELEMENT_DEPTH} levels`, 'element', tokenOffset);
            }
            open.push(element);
            nodes = element.children;
          } else if (close !== TOKEN_CLOSE_EMPTY_ELEMENT) {
            throw new EvtxFormatError(`invalid token 0x${close.toString(16)} after the attributes of <${element.name}>`, 'element.close', cursor.pos - 1);
          }
          break;
        }
        case TOKEN_END_ELEMENT: {
          if (open.length === 0) throw new EvtxFormatError('end of element without a start', 'token', tokenOffset);
          open.pop();
          nodes = open.length > 0 ? open[open.length - 1]!.children : root;
          break;
        }
        case TOKEN_CDATA_SECTION:
        case TOKEN_CDATA_SECTION | FLAG_MORE:
          nodes.push({ kind: 'CData', text: this.readCountedString('cdata') });
          break;
        case TOKEN_PI_TARGET: {
          const target = this.readName('pi.target');
          let data = '';
          if (cursor.peek() === TOKEN_PI_DATA) {
            cursor.pos++;
            data = this.readCountedString('pi.data');
          }
          nodes.push({ kind: 'ProcessingInstruction', target, data });
          break;
        }
        case TOKEN_PI_DATA:
          nodes.push({ kind: 'ProcessingInstruction', target: '', data: this.readCountedString('pi.data') });
          break;
        case TOKEN_TEMPLATE_INSTANCE:
          nodes.push(this.readTemplateInstance());
          break;
        case TOKEN_FRAGMENT_HEADER:
          cursor.skip(3, 'fragment.header');
          break;
        default: {
          cursor.pos = tokenOffset;
          const content = this.readContent();
          if (content === undefined) {
            throw new EvtxFormatError(`invalid Binary XML token 0x${token.toString(16)}`, 'token', tokenOffset);
          }
          nodes.push(content);
        }
      }
    }
    if (open.length > 0) throw new EvtxFormatError(`data ends inside <${open[open.length - 1]!.name}>`, 'token', cursor.pos);
    return root;
  }

  /** Reads an element header and its attributes, up to (not including) the closing token. */
  private readElementStart(hasAttributes: boolean): ElementNode {
    const cursor = this.cursor;
    if (this.hasDependencyId) cursor.skip(2, 'element.dependencyId');
    cursor.skip(4, 'element.dataSize');
    const name = this.readName('element.name');
    const attributes: AttributeNode[] = [];
    if (hasAttributes) {
      cursor.skip(4, 'element.attributeListSize');
      while ((cursor.peek() & ~FLAG_MORE) === TOKEN_ATTRIBUTE) {
        cursor.pos++;
        const attributeName = this.readName('attribute.name');
        const value: ContentNode[] = [];
        for (let content = this.readContent(); content !== undefined; content = this.readContent()) value.push(content);
        attributes.push({ name: attributeName, value });
      }
    }
    return { kind: 'Element', name, attributes, children: [] };
  }

  /** Reads one text-like token (value, substitution, character or entity reference), or returns undefined without moving. */
  private readContent(): ContentNode | undefined {
    const cursor = this.cursor;
    const token = cursor.peek();
    switch (token) {
      case TOKEN_VALUE:
      case TOKEN_VALUE | FLAG_MORE:
        cursor.pos++;
        return this.readValue();
      case TOKEN_NORMAL_SUBSTITUTION:
      case TOKEN_OPTIONAL_SUBSTITUTION: {
        cursor.pos++;
        const index = cursor.u16('substitution.index');
        const valueType = cursor.u8('substitution.type');
        return { kind: 'Substitution', index, valueType, optional: token === TOKEN_OPTIONAL_SUBSTITUTION };
      }
      case TOKEN_CHAR_REF:
      case TOKEN_CHAR_REF | FLAG_MORE:
        cursor.pos++;
        return { kind: 'CharRef', code: cursor.u16('charRef.value') };
      case TOKEN_ENTITY_REF:
      case TOKEN_ENTITY_REF | FLAG_MORE:
        cursor.pos++;
        return { kind: 'EntityRef', name: this.readName('entityRef.name') };
      default:
        return undefined;
    }
  }

  private readValue(): ContentNode {
    const cursor = this.cursor;
    const valueType = cursor.u8('value.type');
    if (valueType === TYPE_STRING) return { kind: 'Text', text: this.readCountedString('value.string') };
    const size = fixedSize(valueType);
    if (size === 0) {
      throw new EvtxFormatError(`value token of unsupported type 0x${valueType.toString(16)}`, 'value.type', cursor.pos - 1);
    }
    const offset = cursor.pos;
    cursor.skip(size, 'value.data');
    return { kind: 'Value', valueType, offset, size };
  }

  /** Reads a 16-bit character count followed by UTF-16 text. */
  private readCountedString(label: string): string {
    const cursor = this.cursor;
    const count = cursor.u16(label);
    cursor.need(count * 2, label);
    const text = this.context.text.read(cursor.bytes, cursor.pos, count, true);
    cursor.pos += count * 2;
    return text;
  }

  /** Reads a name reference: a chunk offset, with the name itself following when it is stored here. */
  private readName(label: string): string {
    const cursor = this.cursor;
    const offset = cursor.u32(label);
    const name = this.context.name(offset);
    if (offset === cursor.pos) cursor.skip(this.context.nameSize(offset), label);
    return name;
  }

  private readTemplateInstance(): Node {
    const cursor = this.cursor;
    cursor.skip(1, 'templateInstance.reserved');
    cursor.skip(4, 'templateInstance.templateId');
    const definitionOffset = cursor.u32('templateInstance.definitionOffset');
    const template = readTemplate(this.context, definitionOffset, this.depth);
    if (definitionOffset === cursor.pos) {
      const dataSize = this.context.view.getUint32(definitionOffset + 20, true);
      cursor.skip(TEMPLATE_HEADER_SIZE + dataSize, 'template.data');
    }
    return { kind: 'TemplateInstance', template, values: this.readSubstitutions() };
  }

  /** Reads the value count, one descriptor (size, type) per value, then the values one after another. */
  private readSubstitutions(): Substitutions {
    const cursor = this.cursor;
    const count = cursor.u32('substitutions.count');
    if (count > MAX_SUBSTITUTIONS || count * 4 > cursor.end - cursor.pos) {
      throw new EvtxFormatError(`template instance declares ${count} values, more than its data holds`, 'substitutions.count', cursor.pos - 4);
    }
    const types: number[] = new Array(count);
    const sizes: number[] = new Array(count);
    const offsets: number[] = new Array(count);
    const fragments: (Node[] | undefined)[] = new Array(count);
    for (let i = 0; i < count; i++) {
      sizes[i] = cursor.u16('substitution.size');
      const valueType = cursor.u8('substitution.type');
      if (!isKnownType(valueType)) {
        throw new EvtxFormatError(`substitution ${i} has unknown value type 0x${valueType.toString(16)}`, 'substitution.type', cursor.pos - 1);
      }
      types[i] = valueType;
      cursor.skip(1, 'substitution.reserved');
    }
    for (let i = 0; i < count; i++) {
      const size = sizes[i]!;
      offsets[i] = cursor.pos;
      cursor.need(size, 'substitution.value');
      if (types[i] === TYPE_BINXML && size > 0) {
        fragments[i] = parseFragment(this.context, cursor.pos, cursor.pos + size, false, this.depth + 1);
      }
      cursor.pos += size;
    }
    return { types, offsets, sizes, fragments };
  }
}

/** Returns the template defined at a chunk offset, parsing it on first use. */
export function readTemplate(context: ChunkContext, offset: number, depth: number): Template {
  const cached = context.templates.get(offset);
  if (cached !== undefined) {
    if (cached instanceof EvtxFormatError) throw cached;
    return cached;
  }
  if (context.templatesInProgress.has(offset)) {
    throw new EvtxFormatError('template refers to itself', 'template', offset, 'template');
  }
  context.templatesInProgress.add(offset);
  try {
    const template = parseTemplate(context, offset, depth);
    context.templates.set(offset, template);
    return template;
  } catch (error) {
    if (!(error instanceof EvtxFormatError)) throw error;
    const failure = error.stage === 'template' ? error : new EvtxFormatError(`invalid template at offset ${offset}: ${error.message}`, error.label, error.offset, 'template');
    context.templates.set(offset, failure);
    throw failure;
  } finally {
    context.templatesInProgress.delete(offset);
  }
}

function parseTemplate(context: ChunkContext, offset: number, depth: number): Template {
  const chunkSize = context.bytes.length;
  if (offset < 0 || offset + TEMPLATE_HEADER_SIZE > chunkSize) {
    throw new EvtxFormatError('template definition outside the chunk', 'template.offset', offset, 'template');
  }
  const dataSize = context.view.getUint32(offset + 20, true);
  const start = offset + TEMPLATE_HEADER_SIZE;
  if (start + dataSize > chunkSize) {
    throw new EvtxFormatError(`template data of ${dataSize} bytes runs past the chunk`, 'template.dataSize', offset + 20, 'template');
  }
  const nodes = parseFragment(context, start, start + dataSize, true, depth + 1);
  return { offset, guid: formatGuid(context.bytes, offset + 4), nodes };
}
