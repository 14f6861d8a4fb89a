// Binary XML token bytes (MS-EVEN6 section 3.1.4.7). Tokens marked "+0x40" also exist with bit
// 0x40 set: on OpenStartElement it means "has attributes", on the others "more follow".

export const TOKEN_END_OF_STREAM = 0x00;
export const TOKEN_OPEN_START_ELEMENT = 0x01; // +0x40
export const TOKEN_CLOSE_START_ELEMENT = 0x02;
export const TOKEN_CLOSE_EMPTY_ELEMENT = 0x03;
export const TOKEN_END_ELEMENT = 0x04;
export const TOKEN_VALUE = 0x05; // +0x40
export const TOKEN_ATTRIBUTE = 0x06; // +0x40
export const TOKEN_CDATA_SECTION = 0x07; // +0x40
export const TOKEN_CHAR_REF = 0x08; // +0x40
export const TOKEN_ENTITY_REF = 0x09; // +0x40
export const TOKEN_PI_TARGET = 0x0a;
export const TOKEN_PI_DATA = 0x0b;
export const TOKEN_TEMPLATE_INSTANCE = 0x0c;
export const TOKEN_NORMAL_SUBSTITUTION = 0x0d;
export const TOKEN_OPTIONAL_SUBSTITUTION = 0x0e;
export const TOKEN_FRAGMENT_HEADER = 0x0f;

export const FLAG_MORE = 0x40;
