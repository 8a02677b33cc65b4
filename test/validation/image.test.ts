import { parseImage, validateImageReference } from '../../lib/validation';
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
