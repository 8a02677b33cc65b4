/**
 * IP addresses and CIDRs as the Kubernetes API server parses its fields (k8s.io/utils/net
 * ParseIPSloppy / ParseCIDRSloppy): IPv4 octets and prefix lengths may have leading zeros, read as
 * decimal (the server accepts "010.0.0.0/8" with a warning); IPv6 zones such as "%eth0" are refused.
 */
import { isIPv6 } from 'net';

/** A parsed address: its family and its value as a 32- or 128-bit number. */
export interface IpAddress { readonly v6: boolean; readonly value: bigint }

/** A parsed CIDR: its family, its network address (host bits cleared) and its prefix length. */
export interface Cidr { readonly v6: boolean; readonly base: bigint; readonly bits: number }

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d+$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((acc, p) => (acc << 8n) + BigInt(Number(p)), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  if (!isIPv6(text) || text.includes('%')) return undefined;
  let hex = text;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(hex);
  if (v4) {
    const value = parseIpv4(v4[1])!;
    hex = `${hex.slice(0, -v4[1].length)}${(value >> 16n).toString(16)}:${(value & 0xffffn).toString(16)}`;
  }
  const [head, tail] = hex.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n);
}

/** An IPv4 or IPv6 address as the API server reads it, or undefined when it is not one. */
export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { v6: false, value: v4 };
  const v6 = parseIpv6(text);
  return v6 === undefined ? undefined : { v6: true, value: v6 };
}

/** A CIDR as the API server reads it, or why it is not one. */
export function parseCidr(cidr: string): Cidr | string {
  const slash = cidr.indexOf('/');
  if (slash < 0) return 'has no prefix length (e.g. 10.0.0.0/8)';
  const ip = parseIp(cidr.slice(0, slash));
  if (!ip) return `has ${JSON.stringify(cidr.slice(0, slash))}, which is not an IP address`;
  const prefix = cidr.slice(slash + 1);
  const max = ip.v6 ? 128 : 32;
  if (!/^\d+$/.test(prefix) || Number(prefix) > max) return `has the prefix length ${JSON.stringify(prefix)}; it must be 0 to ${max}`;
  const bits = Number(prefix);
  return { v6: ip.v6, base: (ip.value >> BigInt(max - bits)) << BigInt(max - bits), bits };
}

/** Whether the address lies in the network; an address of the other family never does. */
export function ipInCidr(ip: string, cidr: string): boolean {
  const address = parseIp(ip);
  const network = parseCidr(cidr);
  if (!address || typeof network === 'string' || address.v6 !== network.v6) return false;
  const hostBits = BigInt((network.v6 ? 128 : 32) - network.bits);
  return address.value >> hostBits === network.base >> hostBits;
}

/** Whether `inner` is a strictly smaller network inside `outer` (as NetworkPolicy ipBlock.except must be). */
export function cidrStrictlyWithin(inner: Cidr, outer: Cidr): boolean {
  const hostBits = BigInt((outer.v6 ? 128 : 32) - outer.bits);
  return inner.v6 === outer.v6 && inner.bits > outer.bits && inner.base >> hostBits === outer.base >> hostBits;
}

/** Why a value is not a CIDR the API server accepts, or undefined. */
export function cidrProblem(cidr: unknown): string | undefined {
  if (typeof cidr !== 'string') return 'is not a CIDR';
  const parsed = parseCidr(cidr);
  return typeof parsed === 'string' ? parsed : undefined;
}
