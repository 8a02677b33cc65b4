import { parseImage } from '../policy/image';

/** A MySQL version as a version prop or an image tag writes it: `8.4.3`, `8.4` or `8`. */
export interface MysqlVersion {
  readonly major: number;
  /** Undefined when only the major version is written (`mysql:8`, which floats onto its newest minor). */
  readonly minor?: number;
  readonly patch?: number;
}

/** The version `text` names (`8.4.3`, `8.4`, `8`, with a `-suffix` such as `-oracle` ignored), or undefined when it names none. */
export function parseMysqlVersion(text: string): MysqlVersion | undefined {
  const m = /^(\d+)(?:\.(\d+)(?:\.(\d+))?)?(?:-.*)?$/.exec(text);
  if (!m) return undefined;
  const [, major, minor, patch] = m;
  return { major: Number(major), ...(minor !== undefined ? { minor: Number(minor) } : {}), ...(patch !== undefined ? { patch: Number(patch) } : {}) };
}

/** Compares two versions part by part, a missing part counting as 0: negative, 0 or positive. */
export function compareMysqlVersions(a: MysqlVersion, b: MysqlVersion): number {
  return a.major - b.major || (a.minor ?? 0) - (b.minor ?? 0) || (a.patch ?? 0) - (b.patch ?? 0);
}

/** The version a mysql image's tag pins to a minor (`mysql:8.4.3`, `mysql:8.4`), or undefined for a tag that floats (`8`, `lts`, `innovation`, none). */
export function pinnedMysqlVersion(image: string): MysqlVersion | undefined {
  const version = parseMysqlVersion(parseImage(image).tag ?? '');
  return version?.minor === undefined ? undefined : version;
}

/**
 * Whether a mysql image runs 8.4 or later, where `--default-authentication-plugin` was removed: a pinned
 * 8.4+ or 9.x version, or a tag that floats onto one (`8`, `9`, `lts`, `innovation`: `mysql:8` is 8.4 today).
 */
export function mysqlWithoutAuthPluginArg(image: string): boolean {
  const tag = parseImage(image).tag ?? '';
  if (/^(lts|innovation)(-|$)/.test(tag)) return true;
  const version = parseMysqlVersion(tag);
  return version !== undefined && (version.major > 8 || (version.major === 8 && (version.minor === undefined || version.minor >= 4)));
}
