/**
 * Container image references, by the grammar the kubelet's runtime parses them with:
 * github.com/distribution/reference (regexp.go ReferenceRegexp, normalize.go ParseNormalizedNamed,
 * reference.go RepositoryNameTotalLengthMax) and opencontainers/go-digest for the digest.
 */
import { Findings, findings, report, show, typeName } from './finding-list';

/** A parsed image reference: `[registry[:port]/]path[:tag][@digest]`. */
export interface ImageReference {
  /** Everything before the tag and digest, registry included. */
  readonly repository: string;
  /** The tag, if any. */
  readonly tag?: string;
  /** The digest (`sha256:…`), if any. */
  readonly digest?: string;
}

/** Splits an image reference; a colon inside the registry host (`registry:5000/app`) is a port, not a tag. */
export function parseImage(image: string): ImageReference {
  const [name, digest] = image.split('@', 2);
  const lastSlash = name.lastIndexOf('/');
  const lastColon = name.lastIndexOf(':');
  if (lastColon > lastSlash) {
    return { repository: name.slice(0, lastColon), tag: name.slice(lastColon + 1), digest };
  }
  return { repository: name, digest };
}

// regexp.go, transcribed: domainNameComponent, optionalPort, ipv6address, pathComponent (alphanumeric
// + separator), tag `[\w][\w.-]{0,127}`, digest `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}`.
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_AND_PORT = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const REMOTE_NAME = `${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE_RE = new RegExp(`^((?:${DOMAIN_AND_PORT}/)?${REMOTE_NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const ANCHORED_NAME_RE = new RegExp(`^(?:(${DOMAIN_AND_PORT})/)?(${REMOTE_NAME})$`);
const ANCHORED_TAG_RE = new RegExp(`^${TAG}$`);
const IDENTIFIER_RE = /^[a-f0-9]{64}$/;
// reference.go RepositoryNameTotalLengthMax.
const NAME_MAX = 255;
// go-digest algorithm.go: the registered algorithms and their hex lengths (lowercase hex only).
const DIGEST_HEX: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** Why a digest (`algorithm:hex`) is not one the runtime accepts, or undefined. */
export function digestProblem(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  const algorithm = colon < 0 ? digest : digest.slice(0, colon);
  const hex = colon < 0 ? '' : digest.slice(colon + 1);
  const length = DIGEST_HEX[algorithm];
  if (length === undefined) return `has the digest algorithm ${JSON.stringify(algorithm)}; use sha256, sha384 or sha512`;
  if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) return `has a malformed ${algorithm} digest: it needs exactly ${length} lowercase hex characters`;
  return undefined;
}

/** The registry prefix of a name, as splitDockerDomain decides it (normalize.go). */
function splitDomain(name: string): { domain?: string; remote: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { remote: name };
  const first = name.slice(0, slash);
  if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) return { domain: first, remote: name.slice(slash + 1) };
  return { remote: name };
}

/** Every reason `image` is not a reference the runtime can pull, or an empty list. */
export function imageReferenceProblems(image: string): string[] {
  const match = REFERENCE_RE.exec(image);
  if (match && !IDENTIFIER_RE.test(image) && splitDomain(match[1]).remote.length <= NAME_MAX
    && (match[3] === undefined || digestProblem(match[3]) === undefined)) return [];
  if (image === '') return ['is empty'];
  // core/validation validateContainers: "must not have leading or trailing whitespace".
  if (image.trim() !== image) return ['has leading or trailing white space'];
  if (/\s/.test(image)) return ['contains white space'];
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(image)) return [`starts with the scheme ${JSON.stringify(image.slice(0, image.indexOf('://') + 3))}; an image reference has no scheme`];
  // normalize.go ParseNormalizedNamed: a bare 64-hex string is an image ID, not a name.
  if (IDENTIFIER_RE.test(image)) return ['is a 64-character hex image ID, not a repository name'];
  const problems: string[] = [];
  const at = image.indexOf('@');
  if (at >= 0 && image.indexOf('@', at + 1) >= 0) problems.push("has more than one '@' digest");
  const nameAndTag = at < 0 ? image : image.slice(0, at);
  const digest = at < 0 ? undefined : image.slice(at + 1);
  const { domain, remote: remainder } = splitDomain(nameAndTag);
  const colon = remainder.lastIndexOf(':');
  const tag = colon < 0 ? undefined : remainder.slice(colon + 1);
  const path = colon < 0 ? remainder : remainder.slice(0, colon);
  // normalize.go ParseNormalizedNamed: "repository name must be lowercase".
  if (path.toLowerCase() !== path) problems.push(`has the repository ${JSON.stringify(path)}, which must be lowercase`);
  const name = domain === undefined ? path : `${domain}/${path}`;
  if (path.toLowerCase() === path && !ANCHORED_NAME_RE.test(name)) {
    problems.push(`has the repository ${JSON.stringify(name)}, which is not a valid name (path components are lowercase letters and digits separated by '.', '_', '__' or ` +
      `'-', joined by '/')`);
  }
  if (path.length > NAME_MAX) problems.push(`has a repository path ${path.length} characters long, more than ${NAME_MAX}`);
  if (tag !== undefined) {
    if (tag.length > 128) problems.push(`has a tag ${tag.length} characters long, more than 128`);
    else if (!ANCHORED_TAG_RE.test(tag)) problems.push(`has the tag ${JSON.stringify(tag)}: tags are letters, digits, '_', '.' and '-', not starting with '.' or '-'`);
  }
  if (digest !== undefined && problems.length === 0) {
    const p = digestProblem(digest);
    if (p) problems.push(p);
  }
  if (problems.length === 0 && !REFERENCE_RE.test(image)) problems.push('does not match the image reference grammar [registry[:port]/]name[:tag][@digest]');
  return problems;
}

/** Checks an image field. */
export function checkImage(out: Findings, value: unknown, field: string): void {
  if (typeof value !== 'string') {
    report(out, field, `image ${show(value)} is ${typeName(value)}, not a string`, 'write the image as a string, e.g. "nginx:1.27.3"');
    return;
  }
  const problems = imageReferenceProblems(value);
  if (problems.length === 0) return;
  report(out, field, `image ${show(value)} cannot be pulled: it ${problems.join(', and ')}`,
    `write [registry[:port]/]name[:tag][@sha256:<64 hex>] with a lowercase name, e.g. ${JSON.stringify(suggestImage(value))}`);
}

/** A repaired spelling of an image reference, for the fix. */
function suggestImage(image: string): string {
  let s = image.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\s+/g, '');
  const at = s.indexOf('@');
  if (at >= 0) s = s.slice(0, at);
  const { domain, remote } = splitDomain(s);
  const colon = remote.lastIndexOf(':');
  const path = (colon < 0 ? remote : remote.slice(0, colon)).toLowerCase().slice(0, NAME_MAX).replace(/[^a-z0-9]+$/, '');
  let tag = colon < 0 ? '' : remote.slice(colon + 1).slice(0, 128).replace(/[^\w.-]/g, '-').replace(/^[.-]+/, '');
  if (tag === '') tag = '1.0.0';
  const repaired = `${domain ? `${domain.toLowerCase()}/` : ''}${path || 'my-app'}:${tag}`;
  return REFERENCE_RE.test(repaired) ? repaired : 'registry.example.com/my-app:1.0.0';
}

/** Findings for an image reference. */
export function validateImageReference(image: unknown, field = 'image'): Findings {
  return findings((out) => checkImage(out, image, field));
}
