/**
 * Prorates a money amount over the parts of a split line by quantity: every part but the first
 * gets its share rounded toward zero to whole cents (`decimals`), the first part takes the rest,
 * so the parts add up to the amount exactly whatever its precision ("3.3333333333" included).
 * Amounts and results are decimal strings (Medusa's BigNumber values serialise to these).
 */
export function splitAmount(amount: string | number, quantities: number[], decimals = 2): string[] {
  if (!quantities.length) return []
  const total = quantities.reduce((s, q) => s + q, 0)
  if (!(total > 0) || quantities.some((q) => !Number.isInteger(q) || q < 0)) {
    throw new Error(`splitAmount: quantities must be non-negative integers with a positive sum, got ${quantities.join(",")}`)
  }
  const { value, scale } = parseDecimal(String(amount))
  const s = Math.max(scale, decimals)
  const scaled = value * 10n ** BigInt(s - scale)
  const cent = 10n ** BigInt(s - decimals)
  const shares = quantities.map((q, i) => {
    if (i === 0) return 0n
    const raw = (scaled * BigInt(q)) / BigInt(total) // truncates toward zero
    return (raw / cent) * cent
  })
  shares[0] = scaled - shares.slice(1).reduce((a, b) => a + b, 0n)
  return shares.map((v) => formatDecimal(v, s))
}

function parseDecimal(text: string): { value: bigint; scale: number } {
  const t = text.trim()
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(t)
  if (!m || (!m[2] && !m[3])) throw new Error(`splitAmount: not a decimal number: "${text}"`)
  const sign = m[1] === "-" ? -1n : 1n
  let digits = (m[2] || "0") + (m[3] ?? "")
  let scale = (m[3] ?? "").length
  const exp = m[4] ? Number(m[4]) : 0
  if (exp > 0) {
    const shift = Math.min(exp, scale)
    scale -= shift
    digits += "0".repeat(exp - shift)
  } else if (exp < 0) scale += -exp
  return { value: sign * BigInt(digits), scale }
}

function formatDecimal(v: bigint, scale: number): string {
  const neg = v < 0n
  const abs = (neg ? -v : v).toString().padStart(scale + 1, "0")
  const int = abs.slice(0, abs.length - scale)
  let frac = scale ? abs.slice(abs.length - scale) : ""
  frac = frac.replace(/0+$/, "")
  return `${neg ? "-" : ""}${int}${frac ? "." + frac : ""}`
}
