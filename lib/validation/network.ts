/**
 * NetworkPolicies and Ingresses (networking.k8s.io/v1): networking/validation/validation.go
 * ValidateNetworkPolicySpec, ValidateNetworkPolicyPort, ValidateNetworkPolicyPeer, ValidateIPBlock,
 * ValidateIngressSpec, validateIngressRules, validateHTTPIngressPath, validateIngressBackend (1.27).
 */
import { isPortNumber, MAX_PORT, MIN_PORT } from '../grammar/port';
import { isIPv4, isIPv6 } from 'net';
import { cidrStrictlyWithin, parseCidr } from '../grammar/ip';
import { checkEnum } from './enums';
import { Findings, findings, report, show } from './finding-list';
import { checkLabelSelector } from './metadata';
import { checkFormat, DNS1035_LABEL, DNS1123_SUBDOMAIN, NameFormat, PATH_SEGMENT, PORT_NAME, WILDCARD_DNS1123_SUBDOMAIN } from './names';
import { child, index } from '../grammar/field-path';
import { Json, readInt, readIntOrString, readList, readRecord, readString } from './values';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];

/** ValidateIPBlock: cidr required and valid; each except valid and strictly inside cidr. */
function checkIpBlock(out: Findings, value: unknown, field: string): void {
  const block = readRecord(out, value, field);
  if (!block) return;
  const cidr = readString(out, block.cidr, child(field, 'cidr'));
  if (!cidr) {
    report(out, child(field, 'cidr'), 'ipBlock has no cidr', 'set cidr, e.g. 10.0.0.0/8');
    return;
  }
  const parsed = parseCidr(cidr);
  if (typeof parsed === 'string') {
    report(out, child(field, 'cidr'), `cidr ${show(cidr)} ${parsed}`, 'write an address and prefix length, e.g. 10.0.0.0/8 or fd00::/8');
    return;
  }
  const except = readList(out, block.except, child(field, 'except'));
  if (!except) return;
  for (let i = 0; i < except.length; i++) {
    const path = index(child(field, 'except'), i);
    const e = readString(out, except[i], path);
    if (e === undefined) continue;
    const inner = parseCidr(e);
    if (typeof inner === 'string') {
      report(out, path, `except ${show(e)} ${inner}`, 'write a CIDR inside the block, e.g. 10.1.0.0/16');
      continue;
    }
    if (!cidrStrictlyWithin(inner, parsed)) report(out, path, `except ${show(e)} is not a strict subset of cidr ${show(cidr)}`, `use a longer prefix inside ${cidr}`);
  }
}

/** ValidateNetworkPolicyPort: protocol, port number or name, endPort ≥ port. */
function checkPolicyPort(out: Findings, value: unknown, field: string): void {
  const port = readRecord(out, value, field);
  if (!port) return;
  checkEnum(out, port.protocol, child(field, 'protocol'), PROTOCOLS, 'protocol');
  const p = readIntOrString(out, port.port, child(field, 'port'));
  if (typeof p === 'number') {
    if (!isPortNumber(p)) report(out, child(field, 'port'), `port ${p} is out of range: a port is between 1 and 65535`, 'use a port between 1 and 65535');
  } else if (typeof p === 'string') {
    checkFormat(out, p, child(field, 'port'), PORT_NAME, 'port name');
  }
  if (port.endPort !== undefined && port.endPort !== null) {
    const end = readInt(out, port.endPort, child(field, 'endPort'), MIN_PORT, MAX_PORT, 32768);
    if (typeof p !== 'number') {
      report(out, child(field, 'endPort'), 'endPort may only be used with a numeric port', 'set port to the first port number of the range');
    } else if (end !== undefined && end < p) {
      report(out, child(field, 'endPort'), `endPort ${end} is below port ${p}`, `set endPort to at least ${p}`);
    }
  }
}

/** ValidateNetworkPolicyPeer: a peer names pods/namespaces, or an ipBlock, not both. */
function checkPeer(out: Findings, value: unknown, field: string): void {
  const peer = readRecord(out, value, field);
  if (!peer) return;
  const has = (k: string): boolean => peer[k] !== undefined && peer[k] !== null;
  if (!has('podSelector') && !has('namespaceSelector') && !has('ipBlock')) {
    report(out, field, 'the peer selects nothing', 'set podSelector, namespaceSelector or ipBlock');
  } else if (has('ipBlock') && (has('podSelector') || has('namespaceSelector'))) {
    report(out, field, 'a peer may not combine ipBlock with a selector', 'split it into two peers');
  }
  if (has('podSelector')) checkLabelSelector(out, peer.podSelector, child(field, 'podSelector'));
  if (has('namespaceSelector')) checkLabelSelector(out, peer.namespaceSelector, child(field, 'namespaceSelector'));
  if (has('ipBlock')) checkIpBlock(out, peer.ipBlock, child(field, 'ipBlock'));
}

function checkRules(out: Findings, value: unknown, field: string, peersField: string): void {
  const rules = readList(out, value, field);
  if (!rules) return;
  for (let i = 0; i < rules.length; i++) {
    const path = index(field, i);
    const rule = readRecord(out, rules[i], path);
    if (!rule) continue;
    const ports = readList(out, rule.ports, child(path, 'ports'));
    if (ports) for (let j = 0; j < ports.length; j++) checkPolicyPort(out, ports[j], index(child(path, 'ports'), j));
    const peers = readList(out, rule[peersField], child(path, peersField));
    if (peers) for (let j = 0; j < peers.length; j++) checkPeer(out, peers[j], index(child(path, peersField), j));
  }
}

/** Checks a NetworkPolicy spec. */
export function checkNetworkPolicySpec(out: Findings, value: unknown, field: string): void {
  // A missing spec or podSelector is the empty selector, every pod of the namespace (a default deny).
  const spec = readRecord(out, value, field);
  if (!spec) return;
  if (spec.podSelector !== undefined && spec.podSelector !== null) checkLabelSelector(out, spec.podSelector, child(field, 'podSelector'));
  checkRules(out, spec.ingress, child(field, 'ingress'), 'from');
  checkRules(out, spec.egress, child(field, 'egress'), 'to');
  // policyTypes: Ingress/Egress, at most two.
  const types = readList(out, spec.policyTypes, child(field, 'policyTypes'));
  if (types) {
    for (let i = 0; i < types.length; i++) checkEnum(out, types[i], index(child(field, 'policyTypes'), i), ['Ingress', 'Egress'], 'policy type');
    if (types.length > 2) report(out, child(field, 'policyTypes'), `policyTypes lists ${types.length} entries; at most two (Ingress, Egress)`, 'list each type once');
  }
}

// validation.go invalidPathSequences / invalidPathSuffixes for Exact and Prefix paths.
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];

/** validateIngressBackend: exactly one of service and resource; service name and port. */
function checkIngressBackend(out: Findings, value: unknown, field: string): void {
  const backend = readRecord(out, value, field);
  if (!backend) {
    if (value === undefined || value === null) report(out, field, 'the path has no backend', 'set backend.service: { name: web, port: { name: http } }');
    return;
  }
  const hasService = backend.service !== undefined && backend.service !== null;
  const hasResource = backend.resource !== undefined && backend.resource !== null;
  if (hasService === hasResource) {
    report(out, field, hasService ? 'the backend sets both service and resource' : 'the backend names no service', 'set exactly one of service or resource');
  }
  const resource = readRecord(out, backend.resource, child(field, 'resource'));
  if (resource) checkBackendResource(out, resource, child(field, 'resource'));
  const service = readRecord(out, backend.service, child(field, 'service'));
  if (!service) return;
  const path = child(field, 'service');
  // ValidateServiceName: a Service name is a DNS-1035 label.
  if (service.name === undefined || service.name === null || service.name === '') report(out, child(path, 'name'), 'the backend names no Service', 'set service.name');
  else checkFormat(out, service.name, child(path, 'name'), DNS1035_LABEL, 'Service name');
  const port = readRecord(out, service.port, child(path, 'port'));
  const hasName = port && port.name !== undefined && port.name !== null && port.name !== '';
  const hasNumber = port && port.number !== undefined && port.number !== null && port.number !== 0;
  if (!port || hasName === hasNumber) {
    // validateIngressBackend reports it on the backend.
    report(out, field, hasName ? 'the backend port sets both name and number' : 'the backend port has neither name nor number',
      'set port.name (e.g. http) or port.number (e.g. 80)');
  } else if (hasName) {
    checkFormat(out, port.name, child(child(path, 'port'), 'name'), PORT_NAME, 'port name');
  } else {
    readInt(out, port.number, child(child(path, 'port'), 'number'), MIN_PORT, MAX_PORT, 80);
  }
}

/** Checks an Ingress spec (ValidateIngressSpec). */
export function checkIngressSpec(out: Findings, value: unknown, field: string): void {
  const spec = readRecord(out, value, field);
  if (!spec) {
    if (value === undefined || value === null) report(out, field, 'the Ingress has no spec', 'add spec.rules');
    return;
  }
  const rules = readList(out, spec.rules, child(field, 'rules'));
  const hasDefault = spec.defaultBackend !== undefined && spec.defaultBackend !== null;
  if ((!rules || rules.length === 0) && !hasDefault) {
    report(out, field, 'the Ingress has neither rules nor a defaultBackend', 'add rules with host and http.paths');
  }
  if (hasDefault) checkIngressBackend(out, spec.defaultBackend, child(field, 'defaultBackend'));
  const className = readString(out, spec.ingressClassName, child(field, 'ingressClassName'));
  if (className) checkFormat(out, className, child(field, 'ingressClassName'), DNS1123_SUBDOMAIN, 'ingressClassName');
  const tls = readList(out, spec.tls, child(field, 'tls'));
  if (tls) {
    for (let i = 0; i < tls.length; i++) {
      const path = index(child(field, 'tls'), i);
      const entry = readRecord(out, tls[i], path);
      if (!entry) continue;
      const hosts = readList(out, entry.hosts, child(path, 'hosts'));
      if (hosts) for (let j = 0; j < hosts.length; j++) checkTlsHost(out, hosts[j], index(child(path, 'hosts'), j));
      const secret = readString(out, entry.secretName, child(path, 'secretName'));
      if (secret) checkFormat(out, secret, child(path, 'secretName'), DNS1123_SUBDOMAIN, 'secretName');
    }
  }
  if (!rules) return;
  for (let i = 0; i < rules.length; i++) {
    const path = index(child(field, 'rules'), i);
    const rule = readRecord(out, rules[i], path);
    if (!rule) continue;
    checkHost(out, rule.host, child(path, 'host'));
    const http = readRecord(out, rule.http, child(path, 'http'));
    if (!http) continue;
    const paths = readList(out, http.paths, child(child(path, 'http'), 'paths'));
    if (!paths || paths.length === 0) {
      report(out, child(child(path, 'http'), 'paths'), 'the rule has no paths', 'add a path, e.g. { path: /, pathType: Prefix, backend: ... }');
      continue;
    }
    for (let j = 0; j < paths.length; j++) checkIngressPath(out, paths[j], index(child(child(path, 'http'), 'paths'), j));
  }
}

/** validateIngressRules host, when set and not empty: a DNS subdomain or a wildcard, not an IP address. */
function checkHost(out: Findings, value: unknown, field: string): void {
  const host = readString(out, value, field);
  if (host === undefined || host === '') return;
  if (isIPv4(host) || isIPv6(host)) {
    report(out, field, `host ${show(host)} is an IP address; it must be a DNS name`, 'use a DNS name, e.g. www.example.com, or leave host unset to match every host');
    return;
  }
  checkFormat(out, host, field, hostFormat(host), 'host');
}

/** validateIngressTLS: each host a DNS subdomain or a wildcard (an IP address passes as a subdomain; empty does not). */
function checkTlsHost(out: Findings, value: unknown, field: string): void {
  const host = readString(out, value, field);
  if (host !== undefined) checkFormat(out, host, field, hostFormat(host), 'TLS host');
}

/** validateIngressRules and validateIngressTLS: a host with a '*' anywhere is checked as a wildcard. */
function hostFormat(host: string): NameFormat {
  return host.includes('*') ? WILDCARD_DNS1123_SUBDOMAIN : DNS1123_SUBDOMAIN;
}

/** validateIngressTypedLocalObjectReference: kind and name required path segments, apiGroup a DNS subdomain when set. */
function checkBackendResource(out: Findings, resource: Json, field: string): void {
  if (resource.apiGroup !== undefined && resource.apiGroup !== null) checkFormat(out, resource.apiGroup, child(field, 'apiGroup'), DNS1123_SUBDOMAIN, 'apiGroup');
  for (const [name, example] of [['kind', 'StorageBucket'], ['name', 'static-assets']]) {
    const v = resource[name];
    if (v === undefined || v === null || v === '') report(out, child(field, name), `the backend resource has no ${name}`, `set resource.${name}, e.g. ${name}: ${example}`);
    else checkFormat(out, v, child(field, name), PATH_SEGMENT, `resource ${name}`);
  }
}

/** validateHTTPIngressPath: pathType required; Exact and Prefix paths absolute and clean. */
function checkIngressPath(out: Findings, value: unknown, field: string): void {
  const entry = readRecord(out, value, field);
  if (!entry) return;
  if (entry.pathType === undefined || entry.pathType === null || entry.pathType === '') {
    report(out, child(field, 'pathType'), 'pathType is missing', 'set pathType: Prefix (or Exact)');
  }
  const type = checkEnum(out, entry.pathType, child(field, 'pathType'), ['Exact', 'Prefix', 'ImplementationSpecific'], 'pathType');
  const p = readString(out, entry.path, child(field, 'path'));
  if (type === 'Exact' || type === 'Prefix') {
    if (!p || !p.startsWith('/')) {
      report(out, child(field, 'path'), `path ${show(p ?? '')} must be an absolute path for pathType ${type}`, `write ${JSON.stringify(`/${p ?? ''}`)}`);
    } else {
      const seq = INVALID_PATH_SEQUENCES.find((s) => p.includes(s));
      const suffix = INVALID_PATH_SUFFIXES.find((s) => p.endsWith(s));
      if (seq || suffix) report(out, child(field, 'path'), `path ${show(p)} may not contain ${JSON.stringify(seq ?? suffix)}`, 'write a clean path, e.g. /api');
    }
  } else if (p !== undefined && p !== '' && !p.startsWith('/')) {
    report(out, child(field, 'path'), `path ${show(p)} must be an absolute path`, `write ${JSON.stringify(`/${p}`)}`);
  }
  checkIngressBackend(out, entry.backend, child(field, 'backend'));
}

/** Findings for a NetworkPolicy spec. */
export function validateNetworkPolicySpec(spec: unknown, field = 'spec'): Findings {
  return findings((out) => checkNetworkPolicySpec(out, spec, field));
}

/** Findings for an Ingress spec. */
export function validateIngressSpec(spec: unknown, field = 'spec'): Findings {
  return findings((out) => checkIngressSpec(out, spec, field));
}

