// Compares the decoder's XML with python-evtx's rendering value by value. It first undoes the
// differences of python-evtx's text form that the corpus README lists: time and GUID formats,
// zero-padded hex, decimal SizeT, True/False, base64 binary, string arrays written as one
// element, character references, removed control characters and empty attributes.

/** One element's attribute or text, in document order: `path@name=value` or `path=value`. */
export interface XmlItem {
  path: string;
  value: string;
}

const TOKEN = /<([/?]?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g;
const ATTRIBUTE = /([\w:.-]+)="([^"]*)"/g;

/** Flattens an event's XML into its non-empty attribute values and text contents. */
export function flattenXml(xml: string): XmlItem[] {
  const items: XmlItem[] = [];
  const stack: { path: string; text: string; hasChildren: boolean }[] = [];
  for (const match of xml.matchAll(TOKEN)) {
    const [, slash, name, attributes, selfClosing, text] = match;
    if (text !== undefined) {
      if (stack.length > 0) stack[stack.length - 1]!.text += text;
      continue;
    }
    if (slash === '?') continue;
    if (slash === '/') {
      const element = stack.pop()!;
      // Whitespace between child elements is layout (indentation, or python-evtx's newlines).
      if (element.hasChildren && element.text.trim() === '') continue;
      pushText(items, element.path, decodeEntities(element.text));
      continue;
    }
    if (stack.length > 0) stack[stack.length - 1]!.hasChildren = true;
    const path = (stack.length > 0 ? stack[stack.length - 1]!.path + '/' : '') + name;
    for (const [, attribute, value] of (attributes ?? '').matchAll(ATTRIBUTE)) {
      const decoded = decodeEntities(value!);
      if (decoded !== '') items.push({ path: `${path}@${attribute}`, value: decoded });
    }
    if (selfClosing === '/') continue;
    stack.push({ path, text: '', hasChildren: false });
  }
  return items;
}

/** Adds an element's text; python-evtx writes a string array as `<string>item</string>` lines in one element. */
function pushText(items: XmlItem[], path: string, text: string): void {
  if (text === '') return;
  if (text.startsWith('<string>')) {
    for (const [, item] of text.matchAll(/<string>([\s\S]*?)<\/string>/g)) {
      if (item !== '') items.push({ path, value: item! });
    }
    return;
  }
  items.push({ path, value: text });
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity]!;
  });
}

const TIME = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(?:\.(\d+))?Z?$/;
const GUID = /^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$/;

/** True when two values are equal once each side's text form is undone. */
export function sameValue(mine: string, reference: string): boolean {
  // python-evtx drops control characters; Windows keeps them.
  const a = mine.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
  const b = reference;
  if (a === b) return true;
  const timeA = TIME.exec(a);
  const timeB = TIME.exec(b);
  if (timeA && timeB) {
    // python-evtx converts FILETIMEs through a double, whose step is about 1.6 µs at
    // today's dates, so its times can be off by a few microseconds.
    return Math.abs(micros(timeA) - micros(timeB)) <= 4;
  }
  const guidA = GUID.exec(a);
  const guidB = GUID.exec(b);
  if (guidA && guidB) return guidA[1]!.toLowerCase() === guidB[1]!.toLowerCase();
  const numberA = integer(a);
  const numberB = integer(b);
  if (numberA !== undefined && numberB !== undefined) return numberA === numberB;
  if (/^(true|false)$/i.test(a) && a.toLowerCase() === b.toLowerCase()) return true;
  if (/^([0-9A-F]{2})+$/.test(a) && hexToBase64(a) === b) return true;
  return false;
}

function micros(match: RegExpExecArray): number {
  const fraction = (match[3] ?? '').padEnd(6, '0').slice(0, 6);
  return Date.parse(`${match[1]}T${match[2]}Z`) * 1000 + Number(fraction);
}

function integer(text: string): bigint | undefined {
  if (/^0x[0-9a-fA-F]+$/.test(text) || /^-?\d+$/.test(text)) return BigInt(text);
  return undefined;
}

function hexToBase64(hex: string): string {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return btoa(String.fromCharCode(...bytes));
}

/** Returns a description of the first difference between two flattened events, or undefined. */
export function compareXml(mine: XmlItem[], reference: XmlItem[]): string | undefined {
  const count = Math.max(mine.length, reference.length);
  for (let i = 0; i < count; i++) {
    const a = mine[i];
    const b = reference[i];
    if (a === undefined || b === undefined || a.path !== b.path || !sameValue(a.value, b.value)) {
      return `item ${i}: ${a ? `${a.path}=${JSON.stringify(a.value)}` : 'nothing'} vs ${b ? `${b.path}=${JSON.stringify(b.value)}` : 'nothing'}`;
    }
  }
  return undefined;
}
