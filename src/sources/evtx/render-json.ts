// Rendering of parsed Binary XML into a JSON event object, in the Rust evtx crate's shapes:
// - 'attributes' (the crate's default): `"Provider": {"#attributes": {"Name": …}}`,
//   `"EventID": {"#attributes": {"Qualifiers": 0}, "#text": 4624}`;
// - 'separate' (Chainsaw, Hayabusa): `"Provider_attributes": {"Name": …}` beside the element.
// In both shapes, `<Data Name="X">v</Data>` becomes `"X": v`. Unnamed `<Data>` elements are
// gathered into `"Data": {"#text": v}` or `{"#text": [v1, v2, …]}`. Repeated element names get
// `_1`, `_2`, … suffixes. Empty attributes are left out, and an empty element is null.
import type { ChunkContext } from './chunk-context.ts';
import { EvtxFormatError } from './errors.ts';
import { MAX_RENDERED_NODES } from './limits.ts';
import type { AttributeNode, ContentNode, ElementNode, Node, Substitutions } from './binxml/model.ts';
import { TYPE_ARRAY, TYPE_BINARY, TYPE_BINXML, TYPE_NULL } from './binxml/value-types.ts';
import { jsonValueToText, readJsonValue } from './binxml/values.ts';
import type { JsonValue } from './binxml/values.ts';
import type { EventObject } from '../types.ts';

export type JsonShape = 'attributes' | 'separate';

type JsonObject = Record<string, unknown>;

/** The rendered children of an element: child elements, text pieces and unnamed `<Data>` values. */
interface Content {
  object: JsonObject | undefined;
  pieces: JsonValue[];
  data: JsonValue[] | undefined;
}

const NO_VALUES: Substitutions = { types: [], offsets: [], sizes: [], fragments: [] };

export class JsonRenderer {
  private readonly context: ChunkContext;
  private readonly separate: boolean;
  private budget = 0;
  /** `<name>_attributes` per element name, so the key is built (and interned) once per chunk. */
  private readonly attributeKeys = new Map<string, string>();

  constructor(context: ChunkContext, shape: JsonShape) {
    this.context = context;
    this.separate = shape === 'separate';
  }

  /** Renders a record's fragment into an event object. */
  render(nodes: Node[]): EventObject {
    this.budget = MAX_RENDERED_NODES;
    const content: Content = { object: {}, pieces: [], data: undefined };
    this.renderNodes(nodes, NO_VALUES, content);
    return finishObject(content);
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

  private renderNodes(nodes: Node[], values: Substitutions, content: Content): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      this.charge(0);
      switch (node.kind) {
        case 'Element':
          this.renderElement(node, values, content);
          break;
        case 'TemplateInstance':
          this.renderNodes(node.template.nodes, node.values, content);
          break;
        case 'Substitution':
          this.renderSubstitution(node.index, values, content);
          break;
        case 'ProcessingInstruction':
          break;
        case 'CData':
          content.pieces.push(node.text);
          break;
        default:
          content.pieces.push(this.contentValue(node, values));
      }
    }
  }

  private renderSubstitution(index: number, values: Substitutions, content: Content): void {
    if (index >= values.types.length) return;
    const valueType = values.types[index]!;
    if (valueType === TYPE_BINXML) {
      const fragment = values.fragments[index];
      if (fragment !== undefined) this.renderNodes(fragment, NO_VALUES, content);
      return;
    }
    if (valueType === TYPE_NULL) return;
    content.pieces.push(this.readValue(valueType, values.offsets[index]!, values.sizes[index]!));
  }

  private renderElement(element: ElementNode, values: Substitutions, parent: Content): void {
    const arrayIndex = arraySubstitution(element, values);
    if (arrayIndex >= 0) {
      // An element filled by one array value stands for one element per item (MS-EVEN6).
      const items = this.readValue(values.types[arrayIndex]!, values.offsets[arrayIndex]!, values.sizes[arrayIndex]!);
      const attributes = this.renderAttributes(element.attributes, values);
      this.charge((items as JsonValue[]).length);
      for (const item of items as JsonValue[]) this.insert(element.name, attributes, item, false, parent);
      return;
    }
    const attributes = this.renderAttributes(element.attributes, values);
    const children = element.children;
    const only = children.length === 1 ? children[0]! : undefined;
    // Fast paths for the common shapes: no content, one text, one plain substitution.
    if (children.length === 0) {
      this.insert(element.name, attributes, undefined, false, parent);
    } else if (only?.kind === 'Text') {
      this.insert(element.name, attributes, only.text, false, parent);
    } else if (only?.kind === 'Substitution' && !isFragment(only.index, values)) {
      const value = only.index < values.types.length && values.types[only.index] !== TYPE_NULL ? this.contentValue(only, values) : undefined;
      this.insert(element.name, attributes, value, false, parent);
    } else {
      const content: Content = { object: undefined, pieces: [], data: undefined };
      const nested = !this.separate && attributes !== undefined && element.name !== 'Data';
      if (nested) content.object = { '#attributes': attributes };
      this.renderNodes(children, values, content);
      this.insert(element.name, attributes, contentValue(content), nested, parent);
    }
  }

  /**
   * Adds a rendered element to its parent. `nested`: the value is already an object that
   * contains the attributes under `#attributes`.
   */
  private insert(name: string, attributes: JsonObject | undefined, value: unknown, nested: boolean, parent: Content): void {
    if (name === 'Data') {
      const dataName = attributes?.['Name'];
      if (value === undefined || value === null) value = '';
      if (typeof dataName === 'string' && dataName !== '') {
        setKey(parentObject(parent), dataName, value);
      } else {
        (parent.data ??= []).push(value as JsonValue);
      }
      return;
    }
    const target = parentObject(parent);
    const key = this.uniqueKey(target, name);
    if (this.separate) {
      if (attributes !== undefined) setKey(target, this.attributesKey(key), attributes);
      if (!isEmpty(value)) setKey(target, key, value);
      else if (attributes === undefined) setKey(target, key, null);
      return;
    }
    if (attributes === undefined) {
      setKey(target, key, isEmpty(value) ? null : value);
    } else if (nested) {
      setKey(target, key, value);
    } else {
      const object: JsonObject = { '#attributes': attributes };
      if (!isEmpty(value)) object['#text'] = value;
      setKey(target, key, object);
    }
  }

  private uniqueKey(target: JsonObject, name: string): string {
    if (!this.taken(target, name)) return name;
    for (let n = 1; ; n++) {
      const key = `${name}_${n}`;
      if (!this.taken(target, key)) return key;
    }
  }

  private taken(target: JsonObject, key: string): boolean {
    return Object.hasOwn(target, key) || (this.separate && Object.hasOwn(target, this.attributesKey(key)));
  }

  private attributesKey(name: string): string {
    let key = this.attributeKeys.get(name);
    if (key === undefined) {
      key = name + '_attributes';
      this.attributeKeys.set(name, key);
    }
    return key;
  }

  private renderAttributes(attributes: AttributeNode[], values: Substitutions): JsonObject | undefined {
    let result: JsonObject | undefined;
    for (let i = 0; i < attributes.length; i++) {
      const attribute = attributes[i]!;
      const value = this.attributeValue(attribute.value, values);
      if (value === null || value === '') continue;
      setKey((result ??= {}), attribute.name, value);
    }
    return result;
  }

  private attributeValue(nodes: ContentNode[], values: Substitutions): JsonValue {
    if (nodes.length === 1) return this.contentValue(nodes[0]!, values);
    let text = '';
    for (const node of nodes) text += jsonValueToText(this.contentValue(node, values));
    return text;
  }

  private contentValue(node: ContentNode, values: Substitutions): JsonValue {
    switch (node.kind) {
      case 'Text':
        return node.text;
      case 'Value':
        return this.readValue(node.valueType, node.offset, node.size);
      case 'CharRef':
        return String.fromCharCode(node.code);
      case 'EntityRef':
        return entityText(node.name);
      case 'Substitution': {
        const index = node.index;
        if (index >= values.types.length) return null;
        const valueType = values.types[index]!;
        if (valueType === TYPE_BINXML) return null;
        return this.readValue(valueType, values.offsets[index]!, values.sizes[index]!);
      }
    }
  }
}

function isFragment(index: number, values: Substitutions): boolean {
  return index < values.types.length && values.types[index] === TYPE_BINXML;
}

/** Index of the array substitution that is an element's only content, or -1. */
function arraySubstitution(element: ElementNode, values: Substitutions): number {
  if (element.children.length !== 1) return -1;
  const child = element.children[0]!;
  if (child.kind !== 'Substitution' || child.index >= values.types.length) return -1;
  const valueType = values.types[child.index]!;
  return valueType & TYPE_ARRAY && valueType !== (TYPE_ARRAY | TYPE_BINARY) ? child.index : -1;
}

function parentObject(content: Content): JsonObject {
  return (content.object ??= {});
}

/** Builds an element's value from its content: an object of children, a typed value, joined text, or undefined. */
function contentValue(content: Content): unknown {
  if (content.object !== undefined || content.data !== undefined) {
    const object = finishObject(content);
    const pieces = content.pieces;
    if (pieces.length > 0) {
      const text = pieces.length === 1 ? pieces[0] : joinPieces(pieces);
      if (!isEmpty(text)) object['#text'] = text;
    }
    return object;
  }
  const pieces = content.pieces;
  if (pieces.length === 0) return undefined;
  if (pieces.length === 1) return pieces[0];
  return joinPieces(pieces);
}

function finishObject(content: Content): JsonObject {
  const object = (content.object ??= {});
  if (content.data !== undefined) {
    const data = content.data;
    setKey(object, 'Data', { '#text': data.length === 1 ? data[0] : data });
  }
  return object;
}

function joinPieces(pieces: JsonValue[]): string {
  let text = '';
  for (const piece of pieces) text += jsonValueToText(piece);
  return text;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Sets a key, also when it is `__proto__` (which plain assignment would treat as the prototype). */
function setKey(target: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function entityText(name: string): string {
  return Object.hasOwn(ENTITIES, name) ? ENTITIES[name]! : `&${name};`;
}
