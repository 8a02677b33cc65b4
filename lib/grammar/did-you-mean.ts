/**
 * The word a user most likely meant: the nearest of the words allowed, by edit distance, ignoring case.
 * Enum values, prop names and Argo CD sync options all suggest through it.
 */

/** Edit distance (insertions, deletions, substitutions, adjacent transpositions) between two words. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_v, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[rows - 1][cols - 1];
}

/**
 * The first of `candidates` at the smallest edit distance from `word`, ignoring case (so one that
 * differs only in case comes first), when that distance is at most `maxDistance`.
 */
export function nearestWord(word: string, candidates: readonly string[], maxDistance: number): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The candidate the user most likely meant by `word`: within a quarter of its length, at least 2. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  return nearestWord(word, candidates, Math.max(2, Math.floor(word.length / 4)));
}
