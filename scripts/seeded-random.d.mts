/** Returns a function giving the next number in [0, 1) of the sequence `seed` starts (mulberry32). */
export function seededRandom(seed: number): () => number;
