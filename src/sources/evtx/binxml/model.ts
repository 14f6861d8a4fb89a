// The parsed form of Binary XML: a small tree of nodes. Template definitions are parsed into
// this form once per chunk; records then only carry their substitution values.

export type Node =
  | ElementNode
  | TextNode
  | ValueNode
  | SubstitutionNode
  | CharRefNode
  | EntityRefNode
  | CDataNode
  | ProcessingInstructionNode
  | TemplateInstanceNode;

/** Nodes that may appear in an attribute value. */
export type ContentNode = TextNode | ValueNode | SubstitutionNode | CharRefNode | EntityRefNode;

export interface ElementNode {
  kind: 'Element';
  name: string;
  attributes: AttributeNode[];
  children: Node[];
}

export interface AttributeNode {
  name: string;
  value: ContentNode[];
}

/** Literal text of a value token. */
export interface TextNode {
  kind: 'Text';
  text: string;
}

/** A literal value token of a type other than string, decoded when rendered. */
export interface ValueNode {
  kind: 'Value';
  valueType: number;
  /** Chunk-relative offset of the value bytes. */
  offset: number;
  size: number;
}

/** A slot that a template instance fills with one of its values. */
export interface SubstitutionNode {
  kind: 'Substitution';
  index: number;
  valueType: number;
  /** An optional substitution is left out when its value is empty. */
  optional: boolean;
}

export interface CharRefNode {
  kind: 'CharRef';
  code: number;
}

export interface EntityRefNode {
  kind: 'EntityRef';
  name: string;
}

export interface CDataNode {
  kind: 'CData';
  text: string;
}

export interface ProcessingInstructionNode {
  kind: 'ProcessingInstruction';
  target: string;
  data: string;
}

export interface TemplateInstanceNode {
  kind: 'TemplateInstance';
  template: Template;
  values: Substitutions;
}

/** A template definition of one chunk, parsed once and shared by every record that uses it. */
export interface Template {
  /** Chunk-relative offset of the definition. */
  offset: number;
  /** Template GUID as text, for messages. */
  guid: string;
  nodes: Node[];
}

/**
 * The values of one template instance, kept as places in the chunk and decoded only when
 * rendered. `fragments[i]` holds the parsed nodes of a nested Binary XML value.
 */
export interface Substitutions {
  types: number[];
  offsets: number[];
  sizes: number[];
  fragments: (Node[] | undefined)[];
}
