import { isIP } from 'net';
import { PropChecker } from '../core/configuration-error';
import { DNS1123_LABEL } from '../validation/names';
import { parseQuantity } from '../policy/quantity';
import { cronScheduleProblem } from '../grammar/cron';
import { isPortNumber } from '../grammar/port';

/**
 * Pure checks of the database tier's props, shared by the constructs and their union-like factories.
 * Each returns why the value is wrong, or undefined when it is fine.
 */

/** Why a host is neither a DNS name (RFC 1123) nor an IPv4/IPv6 address. */
export function hostProblem(host: unknown): string | undefined {
  if (typeof host !== 'string' || host === '') return 'is not a host name';
  // The address is both the MySQL client's host and a NetworkPolicy ipBlock: Node's strict form
  // (no leading zeros, which some clients read as octal) and no IPv6 zone, which the API server refuses.
  if (isIP(host)) return host.includes('%') ? 'is an IPv6 address with a zone, which a NetworkPolicy cannot hold' : undefined;
  if (host.length > 253) return 'is longer than 253 characters';
  // A name made of digits and dots only is a mistyped address, not a name.
  if (/^[\d.]+$/.test(host)) return 'is neither a valid IP address nor a DNS name';
  // A host name is RFC 1123 and, unlike a Kubernetes object name, case-insensitive.
  if (host.split('.').some((label) => !DNS1123_LABEL.test(label.toLowerCase()))) return 'is neither a DNS name (letters, digits, hyphens, dots) nor an IP address';
  return undefined;
}

/** Why a MySQL database or user name cannot be used as-is in SQL identifiers and quoted names. */
export function mysqlNameProblem(name: unknown, maxLength: number): string | undefined {
  if (typeof name !== 'string' || name === '') return 'is empty';
  if (name.length > maxLength) return `is longer than MySQL's ${maxLength} characters`;
  if (!/^[A-Za-z0-9_]+$/.test(name)) return 'may hold only letters, digits and underscores';
  return undefined;
}

/** Records the usual problems of a database tier's props in one place. */
export class DatabaseChecks {
  constructor(private readonly check: PropChecker) {}

  /** A Secret name that must be given. */
  public secretName(prop: string, value: unknown): void {
    if (typeof value !== 'string' || value.trim() === '') {
      this.check.add(prop, value, 'is required: the credentials come from an existing Secret', 'create the Secret with kubectl (see the README) and give its name');
    }
  }

  /** The application user: a valid MySQL user name that is not root. */
  public applicationUser(prop: string, value: unknown): void {
    const problem = mysqlNameProblem(value, 32);
    if (problem) this.check.add(prop, value, problem, "use a name such as 'wordpress'");
    else if (String(value).toLowerCase() === 'root') {
      this.check.add(prop, value, 'is the administrative account: the application would run with every privilege on every database', "use a dedicated user such as 'wordpress'");
    }
  }

  /** The application database name. */
  public databaseName(prop: string, value: unknown): void {
    const problem = mysqlNameProblem(value, 64);
    if (problem) this.check.add(prop, value, problem, "use a name such as 'wordpress'");
  }

  /** A cron schedule. */
  public schedule(prop: string, value: unknown): void {
    const problem = cronScheduleProblem(value);
    if (problem) this.check.add(prop, value, problem, "use five fields such as '17 3 * * *' (03:17 every day) and the timeZone prop for the zone");
  }

  /** A positive storage size. */
  public storageSize(prop: string, value: unknown): void {
    const parsed = typeof value === 'string' || typeof value === 'number' ? parseQuantity(value) : undefined;
    if (!(parsed! > 0)) this.check.add(prop, value, 'is not a positive Kubernetes quantity', "use a size such as '20Gi'");
  }

  /** How many backups to keep: a whole number of at least 1. */
  public retention(prop: string, value: unknown): void {
    if (!Number.isInteger(value) || (value as number) < 1) {
      this.check.add(prop, value, (value === 0 ? 'keeps no backup: each run would delete the dump it just wrote' : 'must be a whole number of at least 1'),
        'keep at least 1 (7 keeps a week of daily backups)');
    }
  }

  /** A TCP port. */
  public port(prop: string, value: unknown): void {
    if (!isPortNumber(value)) this.check.add(prop, value, 'is not a TCP port (1-65535)',
      'use the port the database listens on, such as 3306');
  }
}
