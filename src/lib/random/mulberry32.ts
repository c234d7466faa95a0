/**
 * A tiny seeded PRNG (Mulberry32) so property tests, benchmarks and seed scripts are
 * reproducible: a failing case can be replayed from its seed. Not for anything secret.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Uniform float in [min, max). */
export function randomBetween(random: () => number, min: number, max: number): number {
  return min + (max - min) * random()
}

/** Uniform integer in [min, max] (both inclusive). */
export function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}
