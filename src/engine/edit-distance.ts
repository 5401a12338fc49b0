/**
 * Optimal-string-alignment distance (Levenshtein plus swapped neighbours, "teh" → "the"), stopping early
 * once it exceeds `max`. fuse.js proposes candidates; this confirms that a candidate is a typo of the
 * word and not merely a word that contains it ("joke" is in no way "broker").
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Typos allowed for a word of this length: one up to 7 letters, two beyond. */
export function allowedTypos(length: number): number {
  return length >= 8 ? 2 : 1;
}
