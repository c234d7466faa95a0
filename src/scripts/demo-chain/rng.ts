/**
 * Seeded randomness for the demo chain. The generator is Mulberry32 (src/lib/random), so
 * the same seed always yields the same chain, catalogue and stock.
 */
import { mulberry32 } from "../../lib/random"

export const DEFAULT_SEED = 871 // Kunming's area code

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  /** Uniform float in [min, max). */
  float(min: number, max: number): number
  pick<T>(arr: readonly T[]): T
  /** True with probability p. */
  chance(p: number): boolean
  /** Picks by relative weight: [[value, weight], …]. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T
  /** A copy of arr in random order (Fisher–Yates). */
  shuffle<T>(arr: readonly T[]): T[]
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed)
  const rng: Rng = {
    next,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1))
    },
    float(min, max) {
      return min + (max - min) * next()
    },
    pick(arr) {
      if (arr.length === 0) throw new Error("pick from an empty array")
      return arr[Math.floor(next() * arr.length)]
    },
    chance(p) {
      return next() < p
    },
    weighted(entries) {
      const total = entries.reduce((s, [, w]) => s + w, 0)
      let x = next() * total
      for (const [value, w] of entries) {
        x -= w
        if (x < 0) return value
      }
      return entries[entries.length - 1][0]
    },
    shuffle(arr) {
      const out = arr.slice()
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[out[i], out[j]] = [out[j], out[i]]
      }
      return out
    },
  }
  return rng
}

/** 32-bit FNV-1a of a string, finished with a Murmur3 mix so nearby strings spread well. */
export function hashString(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return mix32(h)
}

/** Murmur3's 32-bit finaliser. */
export function mix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** A seed derived from a parent seed and a label, so independent streams do not interfere. */
export function deriveSeed(seed: number, label: string): number {
  return hashString(label, mix32(seed >>> 0))
}
