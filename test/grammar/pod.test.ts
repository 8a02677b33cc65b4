import { containersIn } from '../../lib/grammar/pod';

test('containersIn lists the containers of the lists asked for, in order, with their paths; non-mappings are skipped', () => {
  const pod = { initContainers: [{ name: 'i' }], containers: [{ name: 'a' }, 'x', null, { name: 'b' }], ephemeralContainers: [{ name: 'e' }] };
  expect(containersIn(pod)).toEqual([{ container: { name: 'a' }, path: 'containers[0]' }, { container: { name: 'b' }, path: 'containers[3]' }]);
  expect(containersIn(pod, ['initContainers', 'containers', 'ephemeralContainers']).map((c) => c.path))
    .toEqual(['initContainers[0]', 'containers[0]', 'containers[3]', 'ephemeralContainers[0]']);
  expect(containersIn(null)).toEqual([]);
  expect(containersIn({ containers: 'x' })).toEqual([]);
});
