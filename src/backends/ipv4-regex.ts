// IPv4 CIDR ranges as regular expressions over dotted-quad text, for targets without an IP type.
// The regex accepts exactly the strict dotted-quad addresses (no leading zeros) in the range,
// which is what Sigil's engine accepts.
import type { CidrPattern } from '../sigma/model.ts';

const ANY_OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';

/** The regex body (no anchors) of the addresses inside an IPv4 CIDR range. */
export function ipv4CidrRegexBody(cidr: CidrPattern): string {
  const octets: string[] = [];
  for (let index = 0; index < 4; index += 1) {
    const bitsInOctet = Math.max(0, Math.min(8, cidr.prefixLength - index * 8));
    const network = cidr.network[index] ?? 0;
    if (bitsInOctet === 0) octets.push(ANY_OCTET);
    else if (bitsInOctet === 8) octets.push(String(network));
    else octets.push(octetRange(network, network + (1 << (8 - bitsInOctet)) - 1));
  }
  return octets.join('\\.');
}

// Values sharing all but the last digit are grouped into one character class: 16..31 becomes
// `1[6-9]|2[0-9]|3[0-1]`.
function octetRange(low: number, high: number): string {
  const groups = new Map<string, number[]>();
  for (let value = low; value <= high; value += 1) {
    const text = String(value);
    const prefix = text.slice(0, -1);
    const lastDigits = groups.get(prefix) ?? [];
    lastDigits.push(Number(text.slice(-1)));
    groups.set(prefix, lastDigits);
  }
  const alternatives = [...groups].map(([prefix, digits]) => {
    const first = digits[0]!;
    const last = digits[digits.length - 1]!;
    return first === last ? `${prefix}${first}` : `${prefix}[${first}-${last}]`;
  });
  return `(?:${alternatives.join('|')})`;
}
