import { cidrProblem, cidrStrictlyWithin, Cidr, ipInCidr, parseCidr, parseIp } from '../../lib/grammar/ip';

// Each CIDR below was sent to a Kubernetes v1.34.4 API server as a NetworkPolicy ipBlock.cidr
// (kubectl create --dry-run=server); the comments quote what it answered.
describe('CIDRs as the API server reads them', () => {
  test.each([
    '10.0.0.0/8', '0.0.0.0/0', '1.2.3.4/32', '::/0', 'fd00::/8', '2001:db8::/32', '::ffff:10.0.0.0/104',
    // Accepted with "non-standard CIDR value ... will be considered invalid in a future Kubernetes release".
    '010.0.0.0/8', '0010.0.0.0/8', '1.2.3.0004/32', '10.0.0.0/08', '10.0.0.0/008', '2001:DB8::/32',
    // Accepted with "CIDR value ... is ambiguous": host bits may be set.
    '10.0.0.1/8', 'fe80::1/64',
  ])('accepts %p', (c) => expect(cidrProblem(c)).toBeUndefined());

  test.each([
    // All refused: "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)".
    ['fe80::1%eth0/64', /not an IP address/], ['10.0.0.0', /no prefix length/], ['10.0.0.0/33', /0 to 32/], ['2001:db8::/129', /0 to 128/],
    ['10.0.0.0/+8', /prefix length "\+8"/], ['10.0.0.0/-1', /prefix length/], ['10.0.0.0/8 ', /prefix length/], ['256.0.0.0/8', /not an IP address/],
    ['1.2.3/24', /not an IP address/], ['::1/128/1', /prefix length/], ['db/24', /not an IP address/], ['10.0.0.0/x', /prefix length/],
    ['10.0.0.0/16/1', /prefix length/], [42, /not a CIDR/],
  ])('refuses %p', (c, reason) => expect(cidrProblem(c)).toMatch(reason));

  test('the network address has its host bits cleared', () => {
    expect(parseCidr('10.1.2.3/8')).toEqual({ v6: false, base: 10n << 24n, bits: 8 });
    expect(parseCidr('010.0.0.0/08')).toEqual({ v6: false, base: 10n << 24n, bits: 8 });
    expect(parseCidr('fd00::1/8')).toEqual({ v6: true, base: 0xfdn << 120n, bits: 8 });
    expect(parseCidr('::ffff:1.2.3.4/128')).toEqual({ v6: true, base: (0xffffn << 32n) + 0x01020304n, bits: 128 });
    expect(parseCidr('1::/16')).toEqual({ v6: true, base: 1n << 112n, bits: 16 });
    expect(parseCidr('::1/128')).toEqual({ v6: true, base: 1n, bits: 128 });
  });
});

test('addresses: leading zeros are decimal, zones are refused (externalIPs: "must be a valid IP address")', () => {
  expect(parseIp('010.1.2.3')).toEqual({ v6: false, value: (10n << 24n) + (1n << 16n) + (2n << 8n) + 3n });
  expect(parseIp('fe80::1%eth0')).toBeUndefined();
  expect(parseIp('1.2.3.256')).toBeUndefined();
  expect(parseIp('1.2.3.4.5')).toBeUndefined();
  expect(parseIp('1.2.3.-4')).toBeUndefined();
  expect(parseIp('::')).toEqual({ v6: true, value: 0n });
  // The IPv4 tail is the last 32 bits, however long its text is next to the groups before it.
  expect(parseIp('::ffff:10.20.30.40')).toEqual({ v6: true, value: (0xffffn << 32n) + 0x0a141e28n });
  expect(parseIp('::ffff:1.2.3.4')).toEqual({ v6: true, value: (0xffffn << 32n) + 0x01020304n });
});

test.each<[string, string, boolean]>([
  ['10.1.2.3', '10.0.0.0/8', true], ['11.0.0.1', '10.0.0.0/8', false], ['1.2.3.4', '0.0.0.0/0', true], ['9.255.255.255', '10.0.0.0/8', false],
  ['192.168.1.1', '192.168.1.1/32', true], ['192.168.1.2', '192.168.1.1/32', false], ['fe80::1', '0.0.0.0/0', false], ['1.2.3.4', '1.2.3.0/33', false],
  ['1.2.3.4', '::/0', false], ['fd00::5', 'fd00::/8', true], ['fe80::1', 'fd00::/8', false], ['not-an-ip', '0.0.0.0/0', false],
  // An IPv4 tail inside an IPv6 address, longer than the part before it, against the same network in hexadecimal.
  ['::ffff:10.20.30.40', '::ffff:a14:1e00/120', true], ['::ffff:10.20.31.40', '::ffff:a14:1e00/120', false],
])('ipInCidr(%s, %s) = %s', (ip, cidr, expected) => {
  expect(ipInCidr(ip, cidr)).toBe(expected);
});

test('cidrStrictlyWithin: same family, a longer prefix, inside', () => {
  const c = (s: string) => parseCidr(s) as Cidr;
  expect(cidrStrictlyWithin(c('10.1.0.0/16'), c('10.0.0.0/8'))).toBe(true);
  expect(cidrStrictlyWithin(c('10.0.0.0/8'), c('10.0.0.0/8'))).toBe(false);
  expect(cidrStrictlyWithin(c('11.0.0.0/16'), c('10.0.0.0/8'))).toBe(false);
  expect(cidrStrictlyWithin(c('::/16'), c('0.0.0.0/0'))).toBe(false);
  expect(cidrStrictlyWithin(c('fd00:1::/32'), c('fd00::/8'))).toBe(true);
});
