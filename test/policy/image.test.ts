import { imagePinProblem, parseImage } from '../../lib/policy/image';

const digest = `sha256:${'a'.repeat(64)}`;

test('parses registry ports, tags and digests', () => {
  expect(parseImage('wordpress:6.4.3-apache')).toEqual({ repository: 'wordpress', tag: '6.4.3-apache', digest: undefined });
  expect(parseImage('registry:5000/team/app')).toEqual({ repository: 'registry:5000/team/app', digest: undefined });
  expect(parseImage('registry:5000/app:1.2')).toEqual({ repository: 'registry:5000/app', tag: '1.2', digest: undefined });
  expect(parseImage(`app@${digest}`)).toEqual({ repository: 'app', digest });
});

test.each([
  ['nginx', /no tag/], ['nginx:latest', /:latest/], ['registry:5000/app', /no tag/], ['app@sha256:123', /malformed digest/], ['', /empty/],
])('%p is not pinned', (image, message) => {
  expect(imagePinProblem(image)).toMatch(message);
});

test.each(['nginx:1.27.3', 'registry:5000/app:1.2', `app@${digest}`, `app:1.0@${digest}`])('%p is pinned', (image) => {
  expect(imagePinProblem(image)).toBeUndefined();
});
