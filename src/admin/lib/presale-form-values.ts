import type { PresaleCreateBody } from "./presale-types"
import type { VariantOption } from "./transfer-types"

/** The create form as typed: strings until sent, so a half-typed number stays on screen. */
export type WindowRow = { key: string; opens_at: string; tier_id: string; share: string; label: string }
export type ItemRow = { key: string; variant: VariantOption | null; quantity: string; price: string }
export type PresaleFormValues = {
  title: string
  ship_date: string
  payment_mode: "full" | "deposit"
  deposit: string
  deposit_value: string
  balance_opens_at: string
  balance_closes_at: string
  per_member_limit: string
  per_phone_limit: string
  payment_ttl_minutes: string
  cancel_refund: "full" | "keep_deposit"
  windows: WindowRow[]
  items: ItemRow[]
}

/** "Everyone" in the tier select: a window with no tier. */
export const ANY_TIER = "__any"

let seq = 0
const nextKey = () => `row-${++seq}`

/** A Date as the value of an <input type="datetime-local"> in the browser's time zone. */
export const toLocalInput = (d: Date): string => {
  const p = (n: number) => String(n).padStart(2, "0")
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`
}

export const newWindowRow = (opensAt: Date, patch: Partial<WindowRow> = {}): WindowRow => ({
  key: nextKey(),
  opens_at: toLocalInput(opensAt),
  tier_id: ANY_TIER,
  share: "",
  label: "",
  ...patch,
})

export const newItemRow = (): ItemRow => ({ key: nextKey(), variant: null, quantity: "", price: "" })

export const emptyPresaleForm = (now = new Date()): PresaleFormValues => {
  const start = new Date(now)
  start.setSeconds(0, 0)
  const ship = new Date(now.getTime() + 30 * 86_400_000)
  return {
    title: "",
    ship_date: toLocalInput(ship).slice(0, 10),
    payment_mode: "full",
    deposit: "",
    deposit_value: "",
    balance_opens_at: "",
    balance_closes_at: "",
    per_member_limit: "",
    per_phone_limit: "",
    payment_ttl_minutes: "30",
    cancel_refund: "full",
    windows: [newWindowRow(start)],
    items: [newItemRow()],
  }
}

export type FieldError = "required" | "number" | "whole" | "range" | "order" | "restLast" | "shareTotal" | "duplicate"
export type PresaleFormErrors = {
  title?: FieldError
  ship_date?: FieldError
  deposit?: FieldError
  deposit_value?: FieldError
  balance?: FieldError
  per_member_limit?: FieldError
  per_phone_limit?: FieldError
  payment_ttl_minutes?: FieldError
  windows?: FieldError
  window?: Record<string, { opens_at?: FieldError; share?: FieldError }>
  item?: Record<string, { variant?: FieldError; quantity?: FieldError; price?: FieldError }>
}

const num = (s: string) => (s.trim() === "" ? null : Number(s.trim()))
const wholeOf = (s: string, min: number, max: number, required: boolean): FieldError | undefined => {
  const n = num(s)
  if (n === null) return required ? "required" : undefined
  if (!Number.isFinite(n)) return "number"
  if (!Number.isInteger(n)) return "whole"
  return n < min || n > max ? "range" : undefined
}
const moneyOf = (s: string, required: boolean): FieldError | undefined => {
  const n = num(s)
  if (n === null) return required ? "required" : undefined
  if (!Number.isFinite(n)) return "number"
  return n < 0 || n > 10_000_000 ? "range" : undefined
}
const validDate = (s: string) => s.trim() !== "" && !Number.isNaN(new Date(s).getTime())

export const validatePresaleForm = (v: PresaleFormValues): PresaleFormErrors => {
  const e: PresaleFormErrors = {}
  if (!v.title.trim()) e.title = "required"
  if (!validDate(v.ship_date)) e.ship_date = "required"
  if (v.payment_mode === "deposit") {
    e.deposit = moneyOf(v.deposit, true) ?? (Number(v.deposit) <= 0 ? "range" : undefined)
    e.deposit_value = moneyOf(v.deposit_value, false) ?? (num(v.deposit_value) !== null && Number(v.deposit_value) < Number(v.deposit) ? "range" : undefined)
    const o = v.balance_opens_at.trim(), c = v.balance_closes_at.trim()
    if ((o && !validDate(o)) || (c && !validDate(c))) e.balance = "required"
    else if (o && c && new Date(c) <= new Date(o)) e.balance = "order"
  }
  e.per_member_limit = wholeOf(v.per_member_limit, 1, 10_000_000, false)
  e.per_phone_limit = wholeOf(v.per_phone_limit, 1, 10_000_000, false)
  e.payment_ttl_minutes = wholeOf(v.payment_ttl_minutes, 1, 7 * 24 * 60, true)

  const window: NonNullable<PresaleFormErrors["window"]> = {}
  let shares = 0
  v.windows.forEach((w, i) => {
    const we: { opens_at?: FieldError; share?: FieldError } = {}
    if (!validDate(w.opens_at)) we.opens_at = "required"
    else if (i > 0 && validDate(v.windows[i - 1].opens_at) && new Date(w.opens_at) < new Date(v.windows[i - 1].opens_at)) we.opens_at = "order"
    const s = num(w.share)
    if (s === null) {
      if (i !== v.windows.length - 1) we.share = "restLast"
    } else if (!Number.isFinite(s)) we.share = "number"
    else if (s < 0 || s > 100) we.share = "range"
    else shares += s
    if (we.opens_at || we.share) window[w.key] = we
  })
  if (Object.keys(window).length) e.window = window
  if (!v.windows.length) e.windows = "required"
  else if (shares > 100 + 1e-9) e.windows = "shareTotal"

  const item: NonNullable<PresaleFormErrors["item"]> = {}
  const seen = new Set<string>()
  for (const it of v.items) {
    const ie: { variant?: FieldError; quantity?: FieldError; price?: FieldError } = {}
    if (!it.variant) ie.variant = "required"
    else if (seen.has(it.variant.id)) ie.variant = "duplicate"
    else seen.add(it.variant.id)
    ie.quantity = wholeOf(it.quantity, 1, 10_000_000, true)
    ie.price = moneyOf(it.price, true)
    if (ie.variant || ie.quantity || ie.price) item[it.key] = ie
  }
  if (Object.keys(item).length) e.item = item
  return e
}

export const hasErrors = (e: PresaleFormErrors) => Object.values(e).some((x) => x !== undefined)

const iso = (s: string) => (s.trim() ? new Date(s).toISOString() : null)
const intOrNull = (s: string) => (s.trim() ? Number(s) : null)

/** The POST /admin/presales body; shares typed in % are sent as fractions. */
export const toCreateBody = (v: PresaleFormValues, activate: boolean): PresaleCreateBody => ({
  title: v.title.trim(),
  status: activate ? "active" : "draft",
  // A calendar date: noon UTC keeps it on the same day in every time zone of the merchant's.
  ship_date: /^\d{4}-\d{2}-\d{2}$/.test(v.ship_date) ? `${v.ship_date}T12:00:00.000Z` : new Date(v.ship_date).toISOString(),
  payment_mode: v.payment_mode,
  ...(v.payment_mode === "deposit"
    ? {
        deposit: Number(v.deposit),
        deposit_value: v.deposit_value.trim() ? Number(v.deposit_value) : null,
        balance_opens_at: iso(v.balance_opens_at),
        balance_closes_at: iso(v.balance_closes_at),
      }
    : {}),
  per_member_limit: intOrNull(v.per_member_limit),
  per_phone_limit: intOrNull(v.per_phone_limit),
  payment_ttl_minutes: Number(v.payment_ttl_minutes),
  cancel_refund: v.cancel_refund,
  items: v.items.map((i) => ({ variant_id: i.variant!.id, quantity: Number(i.quantity), price: Number(i.price) })),
  windows: v.windows.map((w) => ({
    opens_at: new Date(w.opens_at).toISOString(),
    tier_id: w.tier_id === ANY_TIER ? null : w.tier_id,
    share: w.share.trim() ? Math.round(Number(w.share) * 100) / 10_000 : null,
    label: w.label.trim() || null,
  })),
})
