import { WordpressAppProps } from '../../lib';

/** A ReadWriteMany class for the tests' stacks (the prop is required); a test's own storage props win. */
export const TEST_RWX_CLASS = 'rook-cephfs';

/** The props with the test class under any storage props the test gives. */
export function withClass(props: WordpressAppProps): WordpressAppProps {
  return { ...props, storage: { storageClassName: TEST_RWX_CLASS, ...props.storage } };
}
