/**
 * Probes and lifecycle hooks: core/validation/validation.go validateProbe, validateLivenessProbe,
 * validateReadinessProbe, validateStartupProbe, validateHandler, validateExecAction,
 * validateHTTPGetAction, validateTCPSocketAction, validateGRPCAction, validateLifecycle (1.27).
 */
import { isPortNumber, MAX_PORT, MIN_PORT } from '../grammar/port';
import { checkEnum } from './enums';
import { Findings, findings, minorOf, report, withCode } from './finding-list';
import { checkFormat, HTTP_HEADER_NAME } from './names';
import { child, index } from '../grammar/field-path';
import { checkPortNumOrName } from './service';
import { Json, readInt, readList, readRecord, readString } from './values';

const MAX_INT = 2147483647;
const PROBE_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
// Hooks in 1.27: exec, httpGet and tcpSocket (handlerFromLifecycle); sleep from 1.30 (beta, on by default).
const HOOK_HANDLERS_127 = ['exec', 'httpGet', 'tcpSocket'];
const HOOK_HANDLERS_130 = ['exec', 'httpGet', 'tcpSocket', 'sleep'];
export const SLEEP_HOOK_MINOR = 30;
// A sleep of 0 seconds from 1.33 (PodLifecycleSleepActionAllowZero beta, on by default).
const SLEEP_ZERO_MINOR = 33;
const ALL_HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep'];

/** A port a handler targets, for the caller to compare with the container's declared ports. */
export interface HandlerPort {
  readonly field: string;
  readonly port: number | string;
}

function reportUnknownHandler(out: Findings, field: string, k: string, kinds: readonly string[], hook: boolean): void {
  if (k === 'sleep' && hook) {
    // The sleep action (PodLifecycleSleepAction) is on by default from 1.30; a 1.27 API server refuses the unknown field.
    report(out, child(field, k), `the sleep hook does not exist in Kubernetes 1.${minorOf(out)} (it is on by default from 1.${SLEEP_HOOK_MINOR})`,
      `use exec: { command: ["/bin/sh", "-c", "sleep 20"] } instead, or validate for Kubernetes 1.${SLEEP_HOOK_MINOR} or newer if the cluster has it`);
  } else {
    report(out, child(field, k), `${k} is not a ${hook ? 'lifecycle hook' : 'probe'} handler`, `use one of ${kinds.join(', ')}`);
  }
}

/** Checks one handler (a probe's or a hook's); returns the port it targets, if any. */
function checkHandler(out: Findings, handler: Json, field: string, kinds: readonly string[], hook: boolean, graceSeconds = 30): HandlerPort | undefined {
  const kind = handlerKind(out, handler, field, kinds, hook);
  if (kind === undefined) return undefined;
  const path = child(field, kind);
  const action = readRecord(out, handler[kind], path);
  if (!action) return undefined;
  switch (kind) {
    case 'exec':
      checkExecAction(out, action, path);
      return undefined;
    case 'httpGet':
      checkHttpGetAction(out, action, path);
      return portOf(out, action, path);
    case 'tcpSocket':
      if (hook) {
        // Accepted by 1.27 validation, but the kubelet does not implement it for hooks: the hook fails at runtime.
        report(out, path, 'tcpSocket is not supported as a lifecycle hook: the kubelet cannot run it, so the hook does nothing', 'use exec or httpGet');
        return undefined;
      }
      return portOf(out, action, path);
    case 'sleep':
      checkSleepAction(out, action, path, graceSeconds);
      return undefined;
    case 'grpc':
      return checkGrpcAction(out, action, path);
    default:
      return undefined;
  }
}

/**
 * validateHandler: exactly one handler type. Reports unknown, missing and extra handlers; returns the
 * first known one, or undefined when there is none.
 */
function handlerKind(out: Findings, handler: Json, field: string, kinds: readonly string[], hook: boolean): string | undefined {
  let kind: string | undefined;
  let count = 0;
  for (const k of ALL_HANDLERS) {
    if (handler[k] === undefined || handler[k] === null) continue;
    if (!kinds.includes(k)) {
      reportUnknownHandler(out, field, k, kinds, hook);
    } else {
      kind ??= k;
      count++;
    }
  }
  if (count === 0) {
    // An unknown handler alone was reported above; nothing at all is reported here.
    if (!ALL_HANDLERS.some((k) => handler[k] !== undefined && handler[k] !== null)) {
      report(out, field, `no handler: set one of ${kinds.join(', ')}`,
        hook ? 'e.g. exec: { command: ["/bin/sh", "-c", "sleep 20"] }' : 'e.g. httpGet: { path: /healthz, port: http }');
    }
    return undefined;
  }
  if (count > 1) {
    const present = kinds.filter((k) => handler[k] !== undefined && handler[k] !== null);
    report(out, field, `more than one handler type: ${present.join(' and ')}`, `keep one of ${present.join(', ')}`);
  }
  return kind;
}

/** validateExecAction: command required. */
function checkExecAction(out: Findings, action: Json, path: string): void {
  const command = readList(out, action.command, child(path, 'command'));
  if (!command || command.length === 0) {
    if (action.command === undefined || action.command === null || Array.isArray(action.command)) {
      report(out, child(path, 'command'), 'the exec command is empty', 'set command, e.g. ["/bin/sh", "-c", "..."]');
    }
  } else {
    for (let i = 0; i < command.length; i++) readString(out, command[i], index(child(path, 'command'), i));
    // Not an API rule: the runtime cannot start a program without a name.
    if (command.every((c) => c === '')) report(out, child(path, 'command'), 'the exec command has only empty strings', 'name the program to run');
  }
}

/** validateHTTPGetAction: path (defaulted to "/"), scheme enum, header names; the port is checked by portOf. */
function checkHttpGetAction(out: Findings, action: Json, path: string): void {
  readString(out, action.path, child(path, 'path'));
  checkEnum(out, action.scheme, child(path, 'scheme'), ['HTTP', 'HTTPS'], 'scheme');
  const headers = readList(out, action.httpHeaders, child(path, 'httpHeaders'));
  if (headers) {
    for (let i = 0; i < headers.length; i++) {
      const header = readRecord(out, headers[i], index(child(path, 'httpHeaders'), i));
      if (!header) continue;
      checkFormat(out, header.name ?? '', child(index(child(path, 'httpHeaders'), i), 'name'), HTTP_HEADER_NAME, 'header name');
      readString(out, header.value, child(index(child(path, 'httpHeaders'), i), 'value'));
    }
  }
}

/**
 * validateSleepAction (1.30): seconds > 0 and at most the pod's terminationGracePeriodSeconds,
 * reported on the sleep action; 0 (the value of a missing seconds) is allowed from 1.33.
 */
function checkSleepAction(out: Findings, action: Json, path: string, graceSeconds: number): void {
  const min = minorOf(out) >= SLEEP_ZERO_MINOR ? 0 : 1;
  if (action.seconds === undefined || action.seconds === null) {
    if (min > 0) report(out, child(path, 'seconds'), 'the sleep hook has no seconds', 'set seconds, e.g. 20');
    return;
  }
  const seconds = readInt(out, action.seconds, child(path, 'seconds'), Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  if (seconds !== undefined && seconds < min) {
    report(out, path, `sleep ${seconds}s is below ${min}s`, `sleep at least ${Math.max(min, 1)} second, e.g. seconds: 5`);
  } else if (seconds !== undefined && seconds > graceSeconds) {
    report(out, path, `sleep ${seconds}s is longer than terminationGracePeriodSeconds ${graceSeconds}`,
      `sleep less than the grace period, or raise terminationGracePeriodSeconds above ${seconds}`);
  }
}

/** validateGRPCAction: port is a number 1-65535; returns it when valid. */
function checkGrpcAction(out: Findings, action: Json, path: string): HandlerPort | undefined {
  if (action.port === undefined || action.port === null) {
    report(out, child(path, 'port'), 'the grpc probe has no port', 'set port, e.g. port: 9090');
    return undefined;
  }
  const port = readInt(out, action.port, child(path, 'port'), MIN_PORT, MAX_PORT, 9090);
  readString(out, action.service, child(path, 'service'));
  return isPortNumber(port) ? { field: child(path, 'port'), port } : undefined;
}

function portOf(out: Findings, action: Json, path: string): HandlerPort | undefined {
  if (action.port === undefined || action.port === null) {
    report(out, child(path, 'port'), 'the handler has no port', 'set port to a declared port name or number, e.g. port: http');
    return undefined;
  }
  const port = checkPortNumOrName(out, action.port, child(path, 'port'), false);
  return port === undefined ? undefined : { field: child(path, 'port'), port };
}

/** Which probe: liveness and startup probes need successThreshold 1; readiness probes no grace period. */
export type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

/** Checks one probe; returns the port its handler targets, if any. */
export function checkProbe(out: Findings, value: unknown, field: string, kind: ProbeKind): HandlerPort | undefined {
  const probe = readRecord(out, value, field);
  if (!probe) return undefined;
  const port = checkHandler(out, probe, field, PROBE_HANDLERS, false);
  // validateProbe: timings non-negative (0 means the default: timeout 1, period 10, success 1, failure 3).
  for (const name of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    withCode(out, 'probe-timing', () => readInt(out, probe[name], child(field, name), 0, MAX_INT));
  }
  // validateLivenessProbe / validateStartupProbe: successThreshold must be 1.
  const success = probe.successThreshold;
  if (kind !== 'readinessProbe' && typeof success === 'number' && Number.isInteger(success) && success !== 1 && success !== 0) {
    report(out, child(field, 'successThreshold'), `successThreshold ${success} is not allowed on a ${kind}: it must be 1`, 'set successThreshold: 1 or leave it unset',
      'probe-timing');
  }
  // validateProbe: a probe-level terminationGracePeriodSeconds must be > 0; readiness probes may not set it.
  const grace = probe.terminationGracePeriodSeconds;
  if (grace !== undefined && grace !== null) {
    if (kind === 'readinessProbe') {
      report(out, child(field, 'terminationGracePeriodSeconds'), 'terminationGracePeriodSeconds may not be set on a readiness probe', 'remove it');
    } else {
      readInt(out, grace, child(field, 'terminationGracePeriodSeconds'), 1, Number.MAX_SAFE_INTEGER, 30);
    }
  }
  return port;
}

/** Checks a container's lifecycle hooks; returns the ports their handlers target. */
export function checkLifecycle(out: Findings, value: unknown, field: string, graceSeconds = 30): HandlerPort[] {
  const lifecycle = readRecord(out, value, field);
  if (!lifecycle) return [];
  const ports: HandlerPort[] = [];
  for (const hook of ['postStart', 'preStop']) {
    const handler = readRecord(out, lifecycle[hook], child(field, hook));
    if (!handler) continue;
    const port = checkHandler(out, handler, child(field, hook), minorOf(out) >= SLEEP_HOOK_MINOR ? HOOK_HANDLERS_130 : HOOK_HANDLERS_127, true, graceSeconds);
    if (port) ports.push(port);
  }
  return ports;
}

/** Findings for one probe (`kind` decides the successThreshold and grace-period rules). */
export function validateProbe(probe: unknown, kind: ProbeKind = 'readinessProbe', field: string = kind): Findings {
  return findings((out) => checkProbe(out, probe, field, kind));
}

/** Findings for a container's `lifecycle`. */
export function validateLifecycle(lifecycle: unknown, field = 'lifecycle'): Findings {
  return findings((out) => checkLifecycle(out, lifecycle, field));
}
