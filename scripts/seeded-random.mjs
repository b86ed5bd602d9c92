// A small seeded random number generator (mulberry32): the same seed gives the same numbers on every machine, so a
// generated demo feed is stable and a generated test case can be replayed from its seed. Not for anything secret.

/** Returns a function giving the next number in [0, 1) of the sequence `seed` starts. */
export function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
