/**
 * Container resource requirements: core/validation/validation.go ValidateResourceRequirements,
 * validateContainerResourceName and ValidateResourceQuantityValue (1.27).
 */
import { Findings, findings, report, show } from './finding-list';
import { checkFormat, QUALIFIED_NAME } from './names';
import { child, key } from '../grammar/field-path';
import { checkQuantity, parseQuantity } from './quantity';
import { Json, readRecord } from './values';

// validateContainerResourceName: a name without a domain must be a standard container resource.
const STANDARD_CONTAINER_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];
const HUGEPAGES = /^hugepages-/;

function isNative(name: string): boolean {
  return !name.includes('/') || name.startsWith('kubernetes.io/');
}

/** helper.IsOvercommitAllowed: native resources other than hugepages. */
function overcommitAllowed(name: string): boolean {
  return isNative(name) && !HUGEPAGES.test(name);
}

/** Checks one resource list; returns it when it is an object (values not necessarily valid). */
function checkResourceList(out: Findings, value: unknown, field: string): Json | undefined {
  const list = readRecord(out, value, field);
  if (!list) return undefined;
  for (const name in list) {
    const path = key(field, name);
    if (!QUALIFIED_NAME.test(name)) {
      checkFormat(out, name, path, QUALIFIED_NAME, 'resource name');
    } else if (!name.includes('/') && !STANDARD_CONTAINER_RESOURCES.includes(name) && !HUGEPAGES.test(name)) {
      report(out, path, `${show(name)} is not a standard container resource`,
        `use cpu, memory or ephemeral-storage, or a domain-prefixed extended resource such as "nvidia.com/gpu"`);
      continue;
    }
    const example = name === 'cpu' ? '500m' : name === 'memory' ? '256Mi' : '1';
    const parsed = checkQuantity(out, list[name], path, name, { example });
    if (parsed === undefined) continue;
    // ValidateResourceQuantityValue: extended resources (helper.IsIntegerResourceName) must be whole numbers.
    if (!isNative(name) && !Number.isInteger(parsed)) {
      report(out, path, `${name} ${show(list[name])} is not a whole number; extended resources are counted in units`, `use a whole number, e.g. "1"`);
    }
    // Not an API rule, but a clearly broken value: memory is counted in bytes, and 'm' means milli
    // ('256m' is 0.256 bytes), so a fraction of a byte is always a unit mistake.
    if ((name === 'memory' || name === 'ephemeral-storage') && !Number.isInteger(parsed)) {
      const mi = typeof list[name] === 'string' ? (list[name] as string).trim().replace(/m$/, 'Mi') : '256Mi';
      report(out, path, `${name} ${show(list[name])} is ${parsed} bytes, a fraction of a byte: the suffix 'm' means milli, not mega`,
        `use a binary unit, e.g. ${JSON.stringify(mi)}`);
    }
  }
  return list;
}

/** A parsed quantity of a list, or undefined when absent or malformed (already reported). */
function quantityOf(list: Json | undefined, name: string): number | undefined {
  const v = list?.[name];
  return typeof v === 'string' || typeof v === 'number' ? parseQuantity(v) : undefined;
}

/** Checks `resources` (limits and requests) of a container. */
export function checkResources(out: Findings, value: unknown, field: string): void {
  const resources: Json | undefined = readRecord(out, value, field);
  if (!resources) return;
  const limits = checkResourceList(out, resources.limits, child(field, 'limits'));
  const requests = checkResourceList(out, resources.requests, child(field, 'requests'));
  if (!requests) return;
  for (const name in requests) {
    const request = quantityOf(requests, name);
    if (request === undefined || request < 0) continue;
    const limit = quantityOf(limits, name);
    const path = key(child(field, 'requests'), name);
    if (limit === undefined) {
      if (!overcommitAllowed(name)) {
        report(out, key(child(field, 'limits'), name), `${name} has a request but no limit; it cannot be overcommitted, so the limit is required`,
          `set limits.${name} equal to requests.${name}`);
      }
    } else if (!overcommitAllowed(name) && request !== limit) {
      report(out, path, `${name} request ${request} differs from its limit ${limit}; this resource cannot be overcommitted`, `set the request equal to the limit`);
    } else if (request > limit * (1 + 1e-12)) {
      // ValidateResourceRequirements: "must be less than or equal to <name> limit".
      report(out, path, `${name} request is more than its limit (${show((resources.requests as Json)[name])} > ${show((resources.limits as Json)[name])})`,
        `lower the request to at most the limit, or raise limits.${name}`);
    }
  }
}

/** Findings for a container's `resources`. */
export function validateResources(resources: unknown, field = 'resources'): Findings {
  return findings((out) => checkResources(out, resources, field));
}
