import type { CustomerRef, EarnRule, EarnRuleBody, ExpiryPolicy, Program, Tier, TierBody, TierRef } from "./membership-types"

/** A tier's name in the admin's language: the English name when the admin speaks English and there is one. */
export const tierName = (tier: Pick<TierRef, "name" | "name_en"> | null | undefined, language: string): string => {
  if (!tier) return "–"
  return !language.startsWith("zh") && tier.name_en ? tier.name_en : tier.name
}

/** Points with their sign: "+1,200", "−300", "0". */
export const signedPoints = (points: number, locale: string): string => {
  const abs = new Intl.NumberFormat(locale).format(Math.abs(points))
  return points > 0 ? `+${abs}` : points < 0 ? `−${abs}` : abs
}

/** Who posted an entry: "user:usr_…" → the user id, "system" stays. */
export const actorKind = (actor: string | null | undefined): "user" | "api-key" | "customer" | "system" | "unknown" => {
  if (!actor) return "unknown"
  const kind = actor.split(":")[0]
  return kind === "user" || kind === "api-key" || kind === "customer" || kind === "system" ? kind : "unknown"
}

export const actorId = (actor: string | null | undefined): string => (actor && actor.includes(":") ? actor.slice(actor.indexOf(":") + 1) : "")

/**
 * "1, 3,5" → [1, 3, 5] (sorted, unique), "" → null; numbers outside [min, max] or anything
 * else make it `false` (the form says which field).
 */
export const parseDayList = (text: string, min: number, max: number): number[] | null | false => {
  const parts = text.split(/[,，\s]+/).filter(Boolean)
  if (!parts.length) return null
  const days = parts.map(Number)
  if (days.some((d) => !Number.isInteger(d) || d < min || d > max)) return false
  return [...new Set(days)].sort((a, b) => a - b)
}

/** An optional number field: "" → null, a number ≥ 0 → it, anything else → false. */
export const parseOptionalNumber = (text: string, { integer = false } = {}): number | null | false => {
  const s = text.trim()
  if (!s) return null
  const n = Number(s)
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) return false
  return n
}

export type TierForm = {
  code: string
  name: string
  name_en: string
  rank: string
  qualify_spend: string
  qualify_points: string
  points_multiplier: string
  free_shipping_threshold: string
  presale_priority: string
}

const str = (v: number | null | undefined) => (v == null ? "" : String(v))

export const tierForm = (tier?: Tier | null, nextRank = 0): TierForm => ({
  code: tier?.code ?? "",
  name: tier?.name ?? "",
  name_en: tier?.name_en ?? "",
  rank: tier ? String(tier.rank) : String(nextRank),
  qualify_spend: str(tier?.qualify_spend),
  qualify_points: str(tier?.qualify_points),
  points_multiplier: tier ? String(tier.points_multiplier) : "1",
  free_shipping_threshold: str(tier?.free_shipping_threshold),
  presale_priority: tier ? String(tier.presale_priority) : "0",
})

/** The tier form checked as the API will (field → error key), or the body to send. */
export const tierBody = (f: TierForm): { body: TierBody } | { errors: Partial<Record<keyof TierForm, string>> } => {
  const errors: Partial<Record<keyof TierForm, string>> = {}
  if (!/^[a-z0-9_-]{1,40}$/.test(f.code.trim())) errors.code = "code"
  if (!f.name.trim()) errors.name = "required"
  const rank = parseOptionalNumber(f.rank, { integer: true })
  if (rank === null || rank === false || rank > 100) errors.rank = "rank"
  const spend = parseOptionalNumber(f.qualify_spend)
  if (spend === false) errors.qualify_spend = "number"
  const points = parseOptionalNumber(f.qualify_points, { integer: true })
  if (points === false) errors.qualify_points = "integer"
  const multiplier = parseOptionalNumber(f.points_multiplier)
  if (multiplier === null || multiplier === false || multiplier > 20) errors.points_multiplier = "multiplier"
  const shipping = parseOptionalNumber(f.free_shipping_threshold)
  if (shipping === false) errors.free_shipping_threshold = "number"
  const presale = parseOptionalNumber(f.presale_priority, { integer: true })
  if (presale === null || presale === false || presale > 100) errors.presale_priority = "presale"
  if (Object.keys(errors).length) return { errors }
  return {
    body: {
      code: f.code.trim(),
      name: f.name.trim(),
      name_en: f.name_en.trim() || null,
      rank: rank as number,
      qualify_spend: spend as number | null,
      qualify_points: points as number | null,
      points_multiplier: multiplier as number,
      free_shipping_threshold: shipping as number | null,
      presale_priority: presale as number,
    },
  }
}

export type RuleForm = {
  name: string
  kind: "base" | "bonus"
  points_per_yuan: string
  multiplier: string
  sales_channel_id: string
  category_id: string
  shop_id: string
  weekdays: number[]
  month_days: string
  starts_at: string
  ends_at: string
  active: boolean
}

/** A date-time as the value of an <input type="date"> (UTC day: rules are stored as instants). */
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "")

export const ruleForm = (rule?: EarnRule | null): RuleForm => ({
  name: rule?.name ?? "",
  kind: rule?.kind ?? "bonus",
  points_per_yuan: str(rule?.points_per_yuan),
  multiplier: str(rule?.multiplier),
  sales_channel_id: rule?.sales_channel_id ?? "",
  category_id: rule?.category_id ?? "",
  shop_id: rule?.shop_id ?? "",
  weekdays: rule?.weekdays ?? [],
  month_days: (rule?.month_days ?? []).join(", "),
  starts_at: day(rule?.starts_at ?? null),
  ends_at: day(rule?.ends_at ?? null),
  active: rule?.active ?? true,
})

export const ruleBody = (f: RuleForm): { body: EarnRuleBody } | { errors: Partial<Record<keyof RuleForm, string>> } => {
  const errors: Partial<Record<keyof RuleForm, string>> = {}
  if (!f.name.trim()) errors.name = "required"
  const rate = parseOptionalNumber(f.points_per_yuan)
  if (f.kind === "base" && (rate === null || rate === false || rate > 1000)) errors.points_per_yuan = "rate"
  const multiplier = parseOptionalNumber(f.multiplier)
  if (f.kind === "bonus" && (multiplier === null || multiplier === false || multiplier < 1 || multiplier > 20)) errors.multiplier = "multiplier"
  const monthDays = parseDayList(f.month_days, 1, 31)
  if (monthDays === false) errors.month_days = "monthDays"
  if (f.starts_at && f.ends_at && f.ends_at < f.starts_at) errors.ends_at = "endsAt"
  if (Object.keys(errors).length) return { errors }
  return {
    body: {
      name: f.name.trim(),
      kind: f.kind,
      points_per_yuan: f.kind === "base" ? (rate as number) : null,
      multiplier: f.kind === "bonus" ? (multiplier as number) : null,
      sales_channel_id: f.sales_channel_id || null,
      category_id: f.category_id || null,
      shop_id: f.shop_id || null,
      weekdays: f.weekdays.length ? [...f.weekdays].sort((a, b) => a - b) : null,
      month_days: monthDays || null,
      // Whole days, China time: from 00:00 of the first to the end of the last.
      starts_at: f.starts_at ? `${f.starts_at}T00:00:00+08:00` : null,
      ends_at: f.ends_at ? `${f.ends_at}T23:59:59+08:00` : null,
      active: f.active,
    },
  }
}

/** How far the member is along to the next tier: 0–1 by whichever of spend and points is nearer. */
export const progressShare = (p: { spend_12m: number; points_12m: number; spend_needed: number | null; points_needed: number | null }): number | null => {
  const shares: number[] = []
  if (p.spend_needed != null) shares.push(p.spend_12m / Math.max(p.spend_12m + p.spend_needed, 1e-9))
  if (p.points_needed != null) shares.push(p.points_12m / Math.max(p.points_12m + p.points_needed, 1e-9))
  if (!shares.length) return null
  return Math.min(1, Math.max(0, ...shares))
}

/** "王 芳" (family name first when the names are Chinese), else "First Last", else the email. */
export const customerName = (c: CustomerRef | null | undefined): string => {
  if (!c) return ""
  const first = c.first_name?.trim() ?? ""
  const last = c.last_name?.trim() ?? ""
  const cjk = /[\u3400-\u9fff]/.test(first + last)
  const name = (cjk ? `${last}${first}` : [first, last].filter(Boolean).join(" ")).trim()
  return name || c.email || ""
}

export type ProgramForm = {
  downgrade_policy: Program["downgrade_policy"]
  grace_days: string
  /** "default" and sales channel ids → days as typed ("" = the default applies). */
  return_window_days: Record<string, string>
  expiry_kind: ExpiryPolicy["kind"]
  expiry_days: string
  redeem_points_per_yuan: string
  redeem_block: string
  /** Percent of the cart, 1–100. */
  redeem_max_share: string
  consent_version: string
}

export const programForm = (p: Program): ProgramForm => ({
  downgrade_policy: p.downgrade_policy,
  grace_days: String(p.grace_days),
  return_window_days: Object.fromEntries(Object.entries(p.return_window_days).map(([k, v]) => [k, String(v)])),
  expiry_kind: p.expiry.kind,
  expiry_days: p.expiry.kind === "days" ? String(p.expiry.days) : "365",
  redeem_points_per_yuan: String(p.redeem_points_per_yuan),
  redeem_block: String(p.redeem_block),
  redeem_max_share: String(Math.round(p.redeem_max_share * 1000) / 10),
  consent_version: p.consent_version,
})

type ProgramErrorKey = keyof ProgramForm | `return_window_days.${string}`

/** The programme form checked as the API will, or the whole settings body to send. */
export const programBody = (f: ProgramForm): { body: Program } | { errors: Partial<Record<ProgramErrorKey, string>> } => {
  const errors: Partial<Record<ProgramErrorKey, string>> = {}
  const int = (s: string, min: number, max: number) => {
    const n = parseOptionalNumber(s, { integer: true })
    return n === null || n === false || n < min || n > max ? null : n
  }
  const grace = int(f.grace_days, 0, 365)
  if (grace === null) errors.grace_days = "days365"
  const windows: Record<string, number> = {}
  for (const [k, v] of Object.entries(f.return_window_days)) {
    if (!v.trim() && k !== "default") continue
    const n = int(v, 0, 365)
    if (n === null) errors[`return_window_days.${k}`] = "days365"
    else windows[k] = n
  }
  const expiryDays = f.expiry_kind === "days" ? int(f.expiry_days, 1, 3650) : 1
  if (expiryDays === null) errors.expiry_days = "expiryDays"
  const rate = int(f.redeem_points_per_yuan, 1, 100000)
  if (rate === null) errors.redeem_points_per_yuan = "positive"
  const block = int(f.redeem_block, 1, 100000)
  if (block === null) errors.redeem_block = "positive"
  const share = parseOptionalNumber(f.redeem_max_share)
  if (share === null || share === false || share <= 0 || share > 100) errors.redeem_max_share = "share"
  if (!f.consent_version.trim() || f.consent_version.trim().length > 40) errors.consent_version = "required"
  if (Object.keys(errors).length) return { errors }
  const expiry: ExpiryPolicy = f.expiry_kind === "days" ? { kind: "days", days: expiryDays as number } : { kind: f.expiry_kind }
  return {
    body: {
      downgrade_policy: f.downgrade_policy,
      grace_days: grace as number,
      return_window_days: windows,
      expiry,
      redeem_points_per_yuan: rate as number,
      redeem_block: block as number,
      redeem_max_share: Math.round((share as number) * 10) / 1000,
      consent_version: f.consent_version.trim(),
    },
  }
}
