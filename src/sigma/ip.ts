// IPv4 and IPv6 addresses and CIDR ranges, parsed strictly (no octal, no short forms).

/** An address as 4 (IPv4) or 16 (IPv6) bytes. */
export interface IpAddress {
  version: 4 | 6;
  bytes: number[];
}

const IPV4_OCTET = /^(?:0|[1-9]\d{0,2})$/;

/** Parses dotted-quad IPv4; rejects leading zeros, missing octets and values over 255. */
export function parseIpv4(text: string): number[] | undefined {
  const octets = text.split('.');
  if (octets.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const octet of octets) {
    if (!IPV4_OCTET.test(octet)) return undefined;
    const value = Number(octet);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return bytes;
}

/** Parses IPv6 with `::`, an embedded IPv4 tail and an optional zone (`%eth0`, dropped). */
export function parseIpv6(input: string): number[] | undefined {
  let text = input;
  const zone = text.indexOf('%');
  if (zone >= 0) {
    if (zone === text.length - 1) return undefined;
    text = text.slice(0, zone);
  }
  if (text.length < 2 || text.length > 45) return undefined;

  const halves = text.split('::');
  if (halves.length > 2) return undefined;

  const parseGroups = (part: string, allowIpv4Tail: boolean): number[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    const bytes: number[] = [];
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i]!;
      if (allowIpv4Tail && i === groups.length - 1 && group.includes('.')) {
        const ipv4 = parseIpv4(group);
        if (!ipv4) return undefined;
        bytes.push(...ipv4);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
        const value = parseInt(group, 16);
        bytes.push(value >> 8, value & 0xff);
      }
    }
    return bytes;
  };

  if (halves.length === 1) {
    const bytes = parseGroups(text, true);
    return bytes?.length === 16 ? bytes : undefined;
  }
  const head = parseGroups(halves[0]!, false);
  const tail = parseGroups(halves[1]!, true);
  if (!head || !tail || head.length + tail.length > 14) return undefined;
  return [...head, ...new Array<number>(16 - head.length - tail.length).fill(0), ...tail];
}

/** Parses an IPv4 or IPv6 address. IPv4-mapped IPv6 (`::ffff:a.b.c.d`) becomes IPv4. */
export function parseIp(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const bytes = parseIpv6(text);
    if (!bytes) return undefined;
    const mapped = bytes.slice(0, 10).every((byte) => byte === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
    return mapped ? { version: 4, bytes: bytes.slice(12) } : { version: 6, bytes };
  }
  const bytes = parseIpv4(text);
  return bytes ? { version: 4, bytes } : undefined;
}

/** A CIDR range with its host bits cleared. */
export interface CidrRange {
  version: 4 | 6;
  network: number[];
  prefixLength: number;
}

/** Parses `a.b.c.d/n` or `x::y/n`; a plain address is a full-length prefix. Host bits set in the text are cleared. */
export function parseCidr(text: string): CidrRange | undefined {
  const slash = text.indexOf('/');
  const addressText = slash >= 0 ? text.slice(0, slash) : text;
  const address = addressText.includes(':')
    ? (() => {
        const bytes = parseIpv6(addressText);
        return bytes ? { version: 6 as const, bytes } : undefined;
      })()
    : (() => {
        const bytes = parseIpv4(addressText);
        return bytes ? { version: 4 as const, bytes } : undefined;
      })();
  if (!address) return undefined;

  const maxLength = address.bytes.length * 8;
  let prefixLength = maxLength;
  if (slash >= 0) {
    const lengthText = text.slice(slash + 1);
    if (!/^\d{1,3}$/.test(lengthText)) return undefined;
    prefixLength = Number(lengthText);
    if (prefixLength > maxLength) return undefined;
  }
  return { version: address.version, network: maskBytes(address.bytes, prefixLength), prefixLength };
}

function maskBytes(bytes: readonly number[], prefixLength: number): number[] {
  return bytes.map((byte, index) => {
    const bitsInByte = Math.max(0, Math.min(8, prefixLength - index * 8));
    return byte & ((0xff << (8 - bitsInByte)) & 0xff);
  });
}

/** True when the address lies in the range (IPv4-mapped IPv6 addresses count as IPv4). */
export function cidrContains(range: CidrRange, address: IpAddress): boolean {
  if (range.version !== address.version) return false;
  const fullBytes = range.prefixLength >> 3;
  for (let i = 0; i < fullBytes; i++) {
    if (address.bytes[i] !== range.network[i]) return false;
  }
  const remainingBits = range.prefixLength & 7;
  if (remainingBits === 0) return true;
  const mask = (0xff << (8 - remainingBits)) & 0xff;
  return ((address.bytes[fullBytes] ?? 0) & mask) === range.network[fullBytes];
}
