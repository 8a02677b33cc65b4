/**
 * Services: core/validation/validation.go ValidateService, validateServicePort,
 * ValidatePortNumOrName, validateServiceExternalTrafficPolicy (1.27), and the node port allocator.
 */
import { isPortNumber, MAX_PORT, MIN_PORT } from '../grammar/port';
import { checkEnum } from './enums';
import { Findings, minorOf, report, show } from './finding-list';
import { checkLabels } from './metadata';
import { checkFormat, DNS1123_LABEL, DNS1123_SUBDOMAIN, PORT_NAME, QUALIFIED_NAME } from './names';
import { child, index } from '../grammar/field-path';
import { parseCidr, parseIp } from '../grammar/ip';
import { Json, readInt, readIntOrString, readList, readRecord, readString } from './values';

const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
// The API server's default --service-node-port-range (pkg/kubeapiserver/options DefaultServiceNodePortRange).
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
// ValidateService: pkg/cluster/ports.KubeletPort may not be exposed by a LoadBalancer. The 1.34 API
// server accepts it (seen against a real one); the release that dropped the check is not pinned.
const KUBELET_PORT = 10250;
const KUBELET_PORT_ACCEPTED_MINOR = 34;

/** Checks a port-number-or-name (ValidatePortNumOrName): 1-65535, or an IANA_SVC_NAME. `0`/"" mean unset where the API defaults them. */
export function checkPortNumOrName(out: Findings, raw: unknown, field: string, zeroMeansUnset: boolean): number | string | undefined {
  const v = readIntOrString(out, raw, field);
  if (v === undefined) return undefined;
  if (zeroMeansUnset && (v === 0 || v === '')) return undefined;
  if (typeof v === 'number') {
    if (!isPortNumber(v)) {
      report(out, field, `port ${v} is out of range: a port is between 1 and 65535`, 'use a port between 1 and 65535, e.g. 8080');
      return undefined;
    }
    return v;
  }
  if (/^\d+$/.test(v)) {
    report(out, field, `port ${show(v)} is a quoted number: a string port is a port name, and a name must contain a letter`,
      `write the number unquoted: ${Number(v)}`);
    return undefined;
  }
  return checkFormat(out, v, field, PORT_NAME, 'port name') ? v : undefined;
}

/** Checks a Service's spec. */
export function checkServiceSpec(out: Findings, value: unknown, field: string): void {
  const spec = readRecord(out, value, field);
  if (!spec) {
    if (value === undefined || value === null) report(out, field, 'the Service has no spec', 'add spec.selector and spec.ports');
    return;
  }
  const type = spec.type === undefined || spec.type === null ? 'ClusterIP'
    : checkEnum(out, spec.type, child(field, 'type'), SERVICE_TYPES, 'Service type');
  const clusterIP = readString(out, spec.clusterIP, child(field, 'clusterIP'));
  const headless = clusterIP === 'None';
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    // ValidateService: "may not be set to 'None' for NodePort/LoadBalancer services".
    report(out, child(field, 'clusterIP'), `clusterIP 'None' (headless) may not be used with type ${type}`, `remove clusterIP: None, or use type: ClusterIP`);
  }
  if (type === 'ExternalName') {
    const name = readString(out, spec.externalName, child(field, 'externalName'));
    // The CNAME may end with '.'; the rest must be a DNS-1123 subdomain.
    if (!name) report(out, child(field, 'externalName'), 'an ExternalName Service needs externalName', 'set externalName, e.g. db.example.com');
    else checkFormat(out, name.replace(/\.$/, ''), child(field, 'externalName'), DNS1123_SUBDOMAIN, 'externalName');
  }
  const portsPath = child(field, 'ports');
  const ports = readList(out, spec.ports, portsPath);
  if ((!ports || ports.length === 0) && !headless && type !== 'ExternalName' && (spec.ports === undefined || spec.ports === null || Array.isArray(spec.ports))) {
    report(out, portsPath, 'the Service has no ports', 'add a port, e.g. ports: [{ name: http, port: 80, targetPort: http }]');
  }
  if (ports) checkServicePorts(out, ports, portsPath, type, spec);
  // ValidateService: the selector is a label map.
  checkLabels(out, spec.selector, child(field, 'selector'));
  const affinity = checkEnum(out, spec.sessionAffinity, child(field, 'sessionAffinity'), ['ClientIP', 'None'], 'sessionAffinity') ?? 'None';
  checkSessionAffinityConfig(out, spec.sessionAffinityConfig, child(field, 'sessionAffinityConfig'), affinity);
  checkEnum(out, spec.internalTrafficPolicy, child(field, 'internalTrafficPolicy'), ['Cluster', 'Local'], 'internalTrafficPolicy');
  // ValidateService: externalIPs are IP addresses.
  const externalIPs = readList(out, spec.externalIPs, child(field, 'externalIPs'));
  if (externalIPs) {
    for (let i = 0; i < externalIPs.length; i++) {
      const ip = readString(out, externalIPs[i], index(child(field, 'externalIPs'), i));
      if (ip !== undefined && !parseIp(ip)) report(out, index(child(field, 'externalIPs'), i), `${show(ip)} is not an IP address`,
        'write an IPv4 or IPv6 address, e.g. 203.0.113.10');
    }
  }
  // validateServiceExternalTrafficPolicy: only for externally reachable Services (apiservice.ExternallyAccessible).
  const external = type === 'NodePort' || type === 'LoadBalancer' || (type === 'ClusterIP' && !!externalIPs && externalIPs.length > 0);
  if (spec.externalTrafficPolicy !== undefined && spec.externalTrafficPolicy !== null) {
    if (checkEnum(out, spec.externalTrafficPolicy, child(field, 'externalTrafficPolicy'), ['Cluster', 'Local'], 'externalTrafficPolicy') && !external) {
      report(out, child(field, 'externalTrafficPolicy'),
        `externalTrafficPolicy may only be set on externally reachable Services (NodePort, LoadBalancer, or with externalIPs), not ${type}`,
        'remove externalTrafficPolicy');
    }
  }
  // ValidateService: loadBalancerSourceRanges only on LoadBalancers, each a CIDR.
  const ranges = readList(out, spec.loadBalancerSourceRanges, child(field, 'loadBalancerSourceRanges'));
  if (ranges && ranges.length > 0) {
    if (type !== 'LoadBalancer') report(out, child(field, 'loadBalancerSourceRanges'), 'loadBalancerSourceRanges may only be used with type LoadBalancer',
      'remove it, or set type: LoadBalancer');
    for (let i = 0; i < ranges.length; i++) {
      const r = readString(out, ranges[i], index(child(field, 'loadBalancerSourceRanges'), i));
      const parsed = r === undefined ? undefined : parseCidr(r.trim());
      if (typeof parsed === 'string') report(out, index(child(field, 'loadBalancerSourceRanges'), i), `${show(r)} ${parsed}`, 'write a CIDR, e.g. 203.0.113.0/24');
    }
  }
  readInt(out, spec.healthCheckNodePort, child(field, 'healthCheckNodePort'), 0, MAX_PORT);
}

// core.MaxClientIPServiceAffinitySeconds (one day).
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

/**
 * validateClientIPAffinityConfig: timeoutSeconds 1..86400. Without ClientIP affinity the API server
 * drops the config rather than refusing it; reported as clearly broken (the timeout never applies).
 */
function checkSessionAffinityConfig(out: Findings, value: unknown, field: string, affinity: string): void {
  const config = readRecord(out, value, field);
  if (!config) return;
  if (affinity !== 'ClientIP') {
    report(out, field, 'sessionAffinityConfig may only be set with sessionAffinity: ClientIP', 'remove it, or set sessionAffinity: ClientIP');
    return;
  }
  const clientIP = readRecord(out, config.clientIP, child(field, 'clientIP'));
  if (clientIP) readInt(out, clientIP.timeoutSeconds, child(child(field, 'clientIP'), 'timeoutSeconds'), 1, MAX_CLIENT_IP_AFFINITY_SECONDS, 10800);
}

function checkServicePorts(out: Findings, ports: unknown[], portsPath: string, type: string | undefined, spec: Json): void {
  const names = new Set<string>();
  const seenPorts = new Map<string, number>();
  const seenNodePorts = new Map<number, { index: number; port?: number; protocol: string }>();
  for (let i = 0; i < ports.length; i++) {
    const path = index(portsPath, i);
    const port = readRecord(out, ports[i], path);
    if (!port) continue;
    // validateServicePort: a name is required when there is more than one port; a DNS-1123 label; unique.
    if (port.name === undefined || port.name === null || port.name === '') {
      if (ports.length > 1) report(out, child(path, 'name'), 'a Service with several ports needs a name on each', 'name the port, e.g. name: http');
    } else if (checkFormat(out, port.name, child(path, 'name'), DNS1123_LABEL, 'port name')) {
      if (names.has(port.name as string)) report(out, child(path, 'name'), `port name ${show(port.name)} is used twice`, 'give each port its own name');
      names.add(port.name as string);
    }
    // IsValidPortNum.
    let number: number | undefined;
    if (port.port === undefined || port.port === null) {
      report(out, child(path, 'port'), 'the Service port has no port number', 'set port, e.g. port: 80');
    } else {
      number = readInt(out, port.port, child(path, 'port'), MIN_PORT, MAX_PORT, 80);
    }
    const protocol = checkEnum(out, port.protocol, child(path, 'protocol'), PROTOCOLS, 'protocol') ?? 'TCP';
    checkPortNumOrName(out, port.targetPort, child(path, 'targetPort'), true);
    if (port.appProtocol !== undefined && port.appProtocol !== null) checkFormat(out, port.appProtocol, child(path, 'appProtocol'), QUALIFIED_NAME, 'appProtocol');
    // Duplicate (protocol, port) pairs.
    if (number !== undefined) {
      const k = `${number}/${protocol}`;
      const first = seenPorts.get(k);
      if (first !== undefined) report(out, path, `port ${k} is already declared by ports[${first}]`, 'declare each port and protocol once');
      else seenPorts.set(k, i);
      if (type === 'LoadBalancer' && number === KUBELET_PORT && minorOf(out) < KUBELET_PORT_ACCEPTED_MINOR) {
        report(out, child(path, 'port'), `a LoadBalancer may not expose port ${KUBELET_PORT}, the kubelet's port`, 'use another port, e.g. 443');
      }
    }
    if (port.nodePort !== undefined && port.nodePort !== null && port.nodePort !== 0) {
      const nodePath = child(path, 'nodePort');
      const nodePort = readInt(out, port.nodePort, nodePath, MIN_PORT, MAX_PORT, NODE_PORT_MIN);
      if (type !== 'NodePort' && type !== 'LoadBalancer') {
        // "may not be used when `type` is 'ClusterIP'".
        report(out, nodePath, `nodePort may only be set on NodePort and LoadBalancer Services, not ${type ?? show(spec.type)}`,
          'remove nodePort, or set type: NodePort');
      } else if (isPortNumber(nodePort) && (nodePort < NODE_PORT_MIN || nodePort > NODE_PORT_MAX)) {
        // The node port allocator refuses ports outside --service-node-port-range (default 30000-32767).
        report(out, nodePath, `nodePort ${nodePort} is outside the default node port range ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
          `use a port from ${NODE_PORT_MIN} to ${NODE_PORT_MAX}, or leave nodePort unset to have one allocated`);
      }
      if (nodePort !== undefined) {
        // The node port allocator gives a node port to one service port number; only the same port
        // with another protocol may share it (DNS on 53/TCP and 53/UDP).
        const first = seenNodePorts.get(nodePort);
        if (first === undefined) seenNodePorts.set(nodePort, { index: i, port: number, protocol });
        else if (first.port !== number || first.protocol === protocol) {
          report(out, nodePath, `nodePort ${nodePort} is already used by ports[${first.index}]`,
            'use each node port once, or share it only between the TCP and UDP entries of one port');
        }
      }
    }
  }
}
