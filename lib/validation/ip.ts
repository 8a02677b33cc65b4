/**
 * IP addresses and CIDRs as Go's net.ParseIP / net.ParseCIDR accept them (used by
 * validation.IsValidIP and IsValidCIDR): IPv4 octets without leading zeros, prefix 0-32 or 0-128.
 */
import { isIPv4, isIPv6 } from 'net';

/** Whether `ip` is an IPv4 or IPv6 address Go would parse. */
export function isValidIp(ip: string): boolean {
  return (isIPv6(ip) && !ip.includes('%')) || (isIPv4(ip) && !/(^|\.)0\d/.test(ip));
}

/** A parsed CIDR as a BigInt network address and prefix length, or a reason it is not one. */
export function parseCidr(cidr: string): { v6: boolean; base: bigint; bits: number } | string {
  const slash = cidr.indexOf('/');
  if (slash < 0) return 'has no prefix length (e.g. 10.0.0.0/8)';
  const ip = cidr.slice(0, slash);
  const prefix = cidr.slice(slash + 1);
  const v6 = isIPv6(ip);
  if (!isValidIp(ip)) return `has ${JSON.stringify(ip)}, which is not an IP address`;
  const max = v6 ? 128 : 32;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max) return `has the prefix length ${JSON.stringify(prefix)}; it must be 0 to ${max}`;
  const bits = Number(prefix);
  const value = v6 ? ipv6ToBigInt(ip) : ip.split('.').reduce((acc, o) => (acc << 8n) + BigInt(Number(o)), 0n);
  const mask = ((1n << BigInt(max)) - 1n) ^ ((1n << BigInt(max - bits)) - 1n);
  return { v6, base: value & mask, bits };
}

function ipv6ToBigInt(ip: string): bigint {
  let text = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const o = v4[1].split('.').map(Number);
    text = `${text.slice(0, -v4[1].length)}${((o[0] << 8) | o[1]).toString(16)}:${((o[2] << 8) | o[3]).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g || '0', 16)), 0n);
}

