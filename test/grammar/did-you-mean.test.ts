import { didYouMean, editDistance, nearestWord } from '../../lib/grammar/did-you-mean';

const nearest3 = (word: string, candidates: string[]) => nearestWord(word, candidates, 3);

describe('editDistance', () => {
  test('counts insertions, deletions, substitutions and adjacent transpositions as one edit each', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('', 'ab')).toBe(2);
    expect(editDistance('abc', 'abd')).toBe(1);
    expect(editDistance('abc', 'abcd')).toBe(1);
    expect(editDistance('abcd', 'acd')).toBe(1);
    expect(editDistance('TCP', 'TPC')).toBe(1);
    expect(editDistance('abcd', 'badc')).toBe(2);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('nearestWord: within 3 edits, as a mistyped enum value', () => {
  test('a value that differs only in case is matched first, whatever the edit distances', () => {
    expect(nearest3('nodeport', ['NodePort'])).toBe('NodePort');
    expect(nearest3('NODEPORTS', ['NodePorts', 'NodePort'])).toBe('NodePorts');
    expect(nearest3('ab', ['xy', 'AB'])).toBe('AB');
  });
  test('an edit distance of at most 3 is suggested, 4 is not', () => {
    // Three substitutions, then four.
    expect(nearest3('abcxyz', ['abcdef'])).toBe('abcdef');
    expect(nearest3('abwxyz', ['abcdef'])).toBeUndefined();
    // Three insertions (the lengths differ by 3), then four.
    expect(nearest3('abc', ['abcdef'])).toBe('abcdef');
    expect(nearest3('ab', ['abcdef'])).toBeUndefined();
    // Three deletions, then four.
    expect(nearest3('abcdefxyz', ['abcdef'])).toBe('abcdef');
    expect(nearest3('abcdefwxyz', ['abcdef'])).toBeUndefined();
    // A deletion and an insertion in the middle: distance 2, not the 4 of comparing position by position.
    expect(nearest3('abXcdef', ['abcdeYf'])).toBe('abcdeYf');
    expect(nearest3('Paralel', ['OrderedReady', 'Parallel'])).toBe('Parallel');
  });
  test('the nearest allowed value wins; on a tie, the first one listed', () => {
    expect(nearest3('abcdef', ['abcdxx', 'abcdey'])).toBe('abcdey');
    expect(nearest3('abcdef', ['abcdey', 'abcdxx'])).toBe('abcdey');
    expect(nearest3('abcd', ['abce', 'abcf'])).toBe('abce');
    expect(nearest3('abcd', ['abcf', 'abce'])).toBe('abcf');
    expect(nearest3('abcd', ['wxyz', 'abcz', 'abzz'])).toBe('abcz');
  });
  test('the distance counts every character of both values', () => {
    // The last characters differ: distance 1 against 0 for the exact value.
    expect(nearest3('abcdX', ['abcdY', 'abcdx'])).toBe('abcdx');
    expect(nearest3('Xbcd', ['Ybcd', 'xbcd'])).toBe('xbcd');
    expect(nearest3('abc', ['abcd', 'abcde'])).toBe('abcd');
    expect(nearest3('abcd', ['abcde', 'abc'])).toBe('abcde');
    expect(nearest3('abcd', ['abc', 'abcde'])).toBe('abc');
    expect(nearest3('', ['abc', 'abcd'])).toBe('abc');
    expect(nearest3('', ['abcd'])).toBeUndefined();
    expect(nearest3('abcd', [''])).toBeUndefined();
    expect(nearest3('abc', [''])).toBe('');
  });
});

describe('didYouMean: within a quarter of the word, at least 2', () => {
  test('the threshold grows with the word', () => {
    expect(didYouMean('replcas', ['replicas', 'selector'])).toBe('replicas');
    expect(didYouMean('abxy', ['abcd'])).toBe('abcd');
    expect(didYouMean('axyz', ['abcd'])).toBeUndefined();
    expect(didYouMean('abcdefgXYZ', ['abcdefghij'])).toBeUndefined();
    expect(didYouMean('abcdefghXY', ['abcdefghij'])).toBe('abcdefghij');
    expect(didYouMean('abcdefghiXYZ', ['abcdefghijkl'])).toBe('abcdefghijkl');
    expect(didYouMean('abcdefghWXYZ', ['abcdefghijkl'])).toBeUndefined();
    expect(didYouMean('REPLICAS', ['replicas'])).toBe('replicas');
    expect(didYouMean('nodeport', ['NodePort', 'ClusterIP'])).toBe('NodePort');
    expect(didYouMean('requierd', ['preferred', 'required'])).toBe('required');
    expect(didYouMean('xyz', ['preferred', 'required'])).toBeUndefined();
  });
});
