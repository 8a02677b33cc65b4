import { Fields, objectsOf } from './json';

/** The lists of a pod spec that hold containers. */
export type ContainerList = 'initContainers' | 'containers' | 'ephemeralContainers';

/**
 * The containers of a pod spec, in the order of `lists`, each with its path under the pod spec (e.g.
 * `containers[0]`). Entries that are not mappings are skipped: the API validation reports them.
 */
export function containersIn(podSpec: unknown, lists: readonly ContainerList[] = ['containers']): Array<{ container: Fields; path: string }> {
  const podFields = typeof podSpec === 'object' && podSpec !== null ? podSpec as Fields : {};
  return lists.flatMap((list) => objectsOf(podFields[list]).map(({ item, index }) => ({ container: item, path: `${list}[${index}]` })));
}
