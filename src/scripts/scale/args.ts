export type ScaleOptions = {
  shops: number
  variants: number
  /** Seed of the demo-chain generator (shops, catalogue, stock). */
  seed: number
  /** Shops whose levels are loaded in one transaction. */
  chunk: number
}

const DEFAULTS: ScaleOptions = { shops: 3000, variants: 1000, seed: 871, chunk: 25 }

/**
 * Options from `medusa exec`'s args and from the command line after "--" (medusa exec
 * refuses unknown --options, so package.json passes them after a "--"). Accepts
 * `--shops 3000`, `--shops=3000` and `shops=3000`.
 */
export function parseScaleArgs(args: string[] = [], argv: string[] = []): ScaleOptions {
  const dash = argv.indexOf("--")
  const words = [...args, ...(dash >= 0 ? argv.slice(dash + 1) : [])]
  const out = { ...DEFAULTS }
  for (let i = 0; i < words.length; i++) {
    const m = /^(?:--)?([a-z-]+)(?:=(.*))?$/.exec(words[i])
    if (!m) throw new Error(`unexpected argument "${words[i]}"`)
    const key = m[1] as keyof ScaleOptions
    if (!(key in DEFAULTS)) throw new Error(`unknown option --${m[1]} (known: ${Object.keys(DEFAULTS).join(", ")})`)
    const raw = m[2] ?? words[++i]
    const value = Number(raw)
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${key} must be a positive integer, got "${raw}"`)
    out[key] = value
  }
  return out
}
