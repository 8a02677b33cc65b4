import { digestProblem, imageReferenceProblems, parseImage, show, validateImageReference } from '../../lib/validation';
import { imagePinProblem } from '../../lib/policy/image';

const SHA = 'a'.repeat(64);

describe('image references (distribution/reference)', () => {
  test.each([
    'nginx', 'nginx:1.27.3', 'library/nginx:1.27', 'docker.io/library/nginx:1.27', 'registry.example.com:5000/team/app:v1',
    'localhost/app', 'localhost:5000/app:1', `nginx@sha256:${SHA}`, `nginx:1.27@sha256:${SHA}`, 'ghcr.io/org/app_name:1.0', 'a/b__c/d-e.f:1',
    'MyRegistry/app:1', '[::1]:5000/app:1', `app:${'t'.repeat(128)}`, `app@sha512:${'b'.repeat(128)}`, 'gcr.io/a/b/c/d:x',
  ])('accepts %p', (image) => expect(validateImageReference(image)).toEqual([]));

  test.each([
    ['', /is empty/], [' nginx', /leading or trailing white space/], ['nginx :1', /white space/], ['Nginx:1', /must be lowercase/],
    ['team/App:1', /must be lowercase/], ['https://nginx:1', /scheme "https:\/\/"/], [`nginx@sha256:${SHA}@sha256:${SHA}`, /more than one '@'/],
    [`app:${'t'.repeat(129)}`, /tag 129 characters long, more than 128/], ['app:-x', /tag "-x"/], ['app:.x', /tag ".x"/],
    [`app@sha256:${'a'.repeat(63)}`, /malformed sha256 digest/], [`app@sha256:${'A'.repeat(64)}`, /malformed sha256 digest/],
    [`app@md5:${'a'.repeat(32)}`, /algorithm "md5"/], [SHA, /hex image ID/], ['app-:1', /not a valid name/], ['a//b', /not a valid name/],
    [`${'a'.repeat(256)}:1`, /more than 255/],
  ])('refuses %p: %p', (image, reason) => {
    const findings = validateImageReference(image);
    expect(findings).toHaveLength(1);
    expect(findings[0].field).toBe('image');
    expect(findings[0].problem).toMatch(reason);
    expect(validateImageReference(findings[0].fix.match(/e\.g\. "([^"]+)"/)![1])).toEqual([]);
  });

  test('a number is a finding, not a crash', () => {
    expect(validateImageReference(8)[0].problem).toMatch(/not a string/);
  });

  test('parseImage keeps a registry port apart from the tag', () => {
    expect(parseImage('registry:5000/app')).toEqual({ repository: 'registry:5000/app', digest: undefined });
    expect(parseImage('registry:5000/app:1')).toMatchObject({ repository: 'registry:5000/app', tag: '1' });
  });

  test('the pinning policy uses the same digest rule', () => {
    expect(imagePinProblem(`app@sha256:${SHA}`)).toBeUndefined();
    expect(imagePinProblem(`app@sha256:${'A'.repeat(64)}`)).toMatch(/malformed digest/);
  });

  test('a long hostile string is answered quickly (no catastrophic backtracking)', () => {
    const start = process.hrtime.bigint();
    validateImageReference(`${'a-'.repeat(5000)}!`);
    validateImageReference(`${'a.'.repeat(5000)}/`);
    validateImageReference(`${'a__'.repeat(5000)}:`);
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(200);
  });
});

describe('image references: every problem and the suggested spelling, each condition apart', () => {
  const H = 'a'.repeat(64);
  const NOT_A_NAME = "which is not a valid name (path components are lowercase letters and digits separated by '.', '_', '__' or '-', joined by '/')";
  const BAD_TAG = "tags are letters, digits, '_', '.' and '-', not starting with '.' or '-'";
  const FALLBACK = 'registry.example.com/my-app:1.0.0';
  const lower = (repo: string) => `has the repository "${repo}", which must be lowercase`;
  test.each<[string, string[], string]>([
    ['/app', [`has the repository "/app", ${NOT_A_NAME}`], FALLBACK],
    ['team/App:1', [lower('team/App')], 'team/app:1'],
    ['localhost/App', [lower('App')], 'localhost/app:1.0.0'],
    ['a.b/App', [lower('App')], 'a.b/app:1.0.0'],
    ['a:5000/App', [lower('App')], 'a:5000/app:1.0.0'],
    ['Reg.IO/App:V1', [lower('App')], 'reg.io/app:V1'],
    ['[::1]:5000/App:1', [lower('App')], '[::1]:5000/app:1'],
    ['APP', [lower('APP')], 'app:1.0.0'],
    ['A-', [lower('A-')], 'a:1.0.0'],
    ['app:', [`has the tag "": ${BAD_TAG}`], 'app:1.0.0'],
    ['app:$$', [`has the tag "$$": ${BAD_TAG}`], 'app:1.0.0'],
    ['app:bad$tag', [`has the tag "bad$tag": ${BAD_TAG}`], 'app:bad-tag'],
    ['app:.x', [`has the tag ".x": ${BAD_TAG}`], 'app:x'],
    [`app:${'t'.repeat(129)}`, ['has a tag 129 characters long, more than 128'], `app:${'t'.repeat(128)}`],
    [`app:${'$'.repeat(130)}`, ['has a tag 130 characters long, more than 128'], 'app:1.0.0'],
    [`App@sha256:${H}`, [lower('App')], 'app:1.0.0'],
    ['App@sha256:x', [lower('App')], 'app:1.0.0'],
    [`app@sha256:${'A'.repeat(64)}`, ['has a malformed sha256 digest: it needs exactly 64 lowercase hex characters'], 'app:1.0.0'],
    ['app@sha256', ['has a malformed sha256 digest: it needs exactly 64 lowercase hex characters'], 'app:1.0.0'],
    ['app@', ['has the digest algorithm ""; use sha256, sha384 or sha512'], 'app:1.0.0'],
    ['app@@x', ["has more than one '@' digest"], 'app:1.0.0'],
    ['a@b@c', ["has more than one '@' digest"], 'a:1.0.0'],
    [`@sha256:${H}`, [`has the repository "", ${NOT_A_NAME}`], 'my-app:1.0.0'],
    [':1', [`has the repository "", ${NOT_A_NAME}`], 'my-app:1'],
    ['-', [`has the repository "-", ${NOT_A_NAME}`], 'my-app:1.0.0'],
    ['a/:1', [`has the repository "a/", ${NOT_A_NAME}`], 'a:1'],
    ['app-:1', [`has the repository "app-", ${NOT_A_NAME}`], 'app:1'],
    ['Reg.io/app-:v', [`has the repository "Reg.io/app-", ${NOT_A_NAME}`], 'reg.io/app:v'],
    ['reg.io:5000/app-', [`has the repository "reg.io:5000/app-", ${NOT_A_NAME}`], 'reg.io:5000/app:1.0.0'],
    ['a:b:c', [`has the repository "a:b", ${NOT_A_NAME}`], FALLBACK],
    ['reg.io:/a', [`has the repository "reg.io:/a", ${NOT_A_NAME}`], FALLBACK],
    ['a'.repeat(256), ['has a repository path 256 characters long, more than 255'], `${'a'.repeat(255)}:1.0.0`],
    [`reg.io/${'a'.repeat(256)}:x`, ['has a repository path 256 characters long, more than 255'], `reg.io/${'a'.repeat(255)}:x`],
    ['HTTP://Reg.io/App:1', ['starts with the scheme "HTTP://"; an image reference has no scheme'], 'reg.io/app:1'],
    ['App:bad tag', ['contains white space'], 'app:badtag'],
  ])('%p', (image, problems, suggestion) => {
    expect(imageReferenceProblems(image)).toEqual(problems);
    const findings = validateImageReference(image);
    expect(findings).toHaveLength(1);
    expect(findings[0].problem).toBe(`image ${show(image)} cannot be pulled: it ${problems.join(', and ')}`);
    expect(findings[0].fix).toBe(`write [registry[:port]/]name[:tag][@sha256:<64 hex>] with a lowercase name, e.g. ${JSON.stringify(suggestion)}`);
  });

  test.each(['Team/app:1', 'a'.repeat(255), `reg.io/${'a'.repeat(255)}`, `app:${'t'.repeat(128)}`, 'app:x.', `app@sha384:${'c'.repeat(96)}`])('accepts %p', (image) => {
    expect(imageReferenceProblems(image)).toEqual([]);
  });

  test('the first path component is a registry when it holds a capital, a dot or a colon, or is localhost; a second \'@\' is counted from the first', () => {
    const lower = (repo: string) => `has the repository "${repo}", which must be lowercase`;
    expect(imageReferenceProblems('Team/App:1')).toEqual([lower('App')]);
    expect(imageReferenceProblems('@a@b')[0]).toBe("has more than one '@' digest");
    expect(imageReferenceProblems(':-x')[1]).toBe("has the tag \"-x\": tags are letters, digits, '_', '.' and '-', not starting with '.' or '-'");
  });

  test('a path of 255 and a tag of 128 characters are within the limits when something else is wrong', () => {
    const badTag = (tag: string) => `has the tag ${JSON.stringify(tag)}: tags are letters, digits, '_', '.' and '-', not starting with '.' or '-'`;
    expect(imageReferenceProblems(`${'a'.repeat(255)}:-x`)).toEqual([badTag('-x')]);
    expect(imageReferenceProblems(`app:-${'t'.repeat(127)}`)).toEqual([badTag(`-${'t'.repeat(127)}`)]);
  });

  test('the suggestion drops surrounding white space before the scheme', () => {
    expect(validateImageReference(' HTTP://Reg.io/App:1')[0].fix).toMatch(/e\.g\. "reg\.io\/app:1"$/);
  });

  test('digestProblem: the algorithm is what comes before the first colon, or the whole digest without one', () => {
    expect(digestProblem('sha256')).toBe('has a malformed sha256 digest: it needs exactly 64 lowercase hex characters');
    expect(digestProblem(`:${H}`)).toBe('has the digest algorithm ""; use sha256, sha384 or sha512');
    expect(digestProblem(`sha256:${H}`)).toBeUndefined();
    expect(digestProblem(`sha384:${H}`)).toBe('has a malformed sha384 digest: it needs exactly 96 lowercase hex characters');
  });
});
