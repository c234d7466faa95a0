import { checkDay, MAX_INTERVALS_PER_DAY } from "../../lib/opening-hours"
import {
  WEEKDAYS,
  type Closure,
  type OpeningHours,
  type Shop,
  type ShopKind,
  type ShopStatus,
  type ShopWriteBody,
  type TimeInterval,
  type Weekday,
} from "../../lib/types"

/** What the form edits: text as typed, turned into the API's body on submit. */
export type ShopFormValues = {
  code: string
  name: string
  kind: ShopKind
  status: ShopStatus
  territory_id: string
  latitude: string
  longitude: string
  city: string
  province: string
  address: string
  timezone: string
  phone: string
  floor_area_m2: string
  staff_count: string
  /** false: the shop has no opening hours on record (the API's null). */
  hours_set: boolean
  opening_hours: Record<Weekday, TimeInterval[]>
  closures: { date: string; reason: string }[]
  // Create only.
  sales_channel_ids: string[]
  /** undefined: the API's default for the kind (on, except for a warehouse). */
  pos_channel?: boolean
  pickup?: boolean
}

/** Translation key (in the "mendian" namespace) and its values, per field path. */
export type FormErrors = Record<string, { key: string; values?: Record<string, unknown> }>

export const DEFAULT_INTERVAL: TimeInterval = { open: "09:00", close: "21:00" }

export const everyDay = (intervals: TimeInterval[]) =>
  Object.fromEntries(WEEKDAYS.map((d) => [d, intervals.map((i) => ({ ...i }))])) as Record<Weekday, TimeInterval[]>

export const emptyShopForm = (): ShopFormValues => ({
  code: "",
  name: "",
  kind: "standard",
  status: "planned",
  territory_id: "",
  latitude: "",
  longitude: "",
  city: "",
  province: "",
  address: "",
  timezone: "Asia/Shanghai",
  phone: "",
  floor_area_m2: "",
  staff_count: "",
  hours_set: true,
  opening_hours: everyDay([DEFAULT_INTERVAL]),
  closures: [],
  sales_channel_ids: [],
})

const text = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v))

export const shopToForm = (shop: Shop): ShopFormValues => ({
  ...emptyShopForm(),
  code: shop.code,
  name: shop.name,
  kind: shop.kind,
  status: shop.status,
  territory_id: shop.territory_id ?? shop.territory?.id ?? "",
  latitude: text(shop.latitude),
  longitude: text(shop.longitude),
  city: shop.city,
  province: text(shop.province),
  address: text(shop.address),
  timezone: shop.timezone || "Asia/Shanghai",
  phone: text(shop.phone),
  floor_area_m2: text(shop.floor_area_m2),
  staff_count: text(shop.staff_count),
  hours_set: !!shop.opening_hours,
  opening_hours: Object.fromEntries(
    WEEKDAYS.map((d) => [d, (shop.opening_hours?.[d] ?? []).map((i) => ({ ...i }))])
  ) as Record<Weekday, TimeInterval[]>,
  closures: (shop.closures ?? []).map((c) => ({ date: c.date, reason: c.reason ?? "" })),
})

const CODE = /^[A-Za-z0-9_-]+$/
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

const isRealDate = (value: string) => {
  const m = DATE.exec(value)
  if (!m) return false
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
}

export const isValidTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz })
    return true
  } catch {
    return false
  }
}

const numberIn = (value: string, min: number, max: number) => {
  const n = Number(value)
  return value.trim() !== "" && Number.isFinite(n) && n >= min && n <= max
}

const optionalCount = (value: string) => value.trim() === "" || (/^\d+$/.test(value.trim()) && Number(value) <= 1_000_000)

/** The same rules as the API's validators, said in the merchant's language before sending. */
export const validateShopForm = (v: ShopFormValues): FormErrors => {
  const errors: FormErrors = {}
  const required = (field: keyof ShopFormValues) => {
    if (!String(v[field] ?? "").trim()) errors[field] = { key: "form.errors.required" }
  }
  required("code")
  required("name")
  required("city")
  if (v.code.trim() && !CODE.test(v.code.trim())) errors.code = { key: "form.errors.code" }
  if (v.code.trim().length > 32) errors.code = { key: "form.errors.maxLength", values: { max: 32 } }
  if (!numberIn(v.latitude, -90, 90)) errors.latitude = { key: "form.errors.latitude" }
  if (!numberIn(v.longitude, -180, 180)) errors.longitude = { key: "form.errors.longitude" }
  if (!optionalCount(v.floor_area_m2)) errors.floor_area_m2 = { key: "form.errors.count" }
  if (!optionalCount(v.staff_count)) errors.staff_count = { key: "form.errors.count" }
  if (!v.timezone.trim() || !isValidTimeZone(v.timezone.trim())) errors.timezone = { key: "form.errors.timezone" }

  if (v.hours_set) {
    for (const day of WEEKDAYS) {
      for (const issue of checkDay(v.opening_hours[day])) {
        const path = `opening_hours.${day}.${issue.index}.${issue.field}`
        if (issue.problem === "too_many") {
          errors[`opening_hours.${day}`] = { key: "form.errors.tooManyIntervals", values: { max: MAX_INTERVALS_PER_DAY } }
        } else {
          errors[path] = {
            key:
              issue.problem === "format"
                ? issue.field === "close"
                  ? "form.errors.closeTime"
                  : "form.errors.openTime"
                : issue.problem === "same"
                  ? "form.errors.sameTime"
                  : "form.errors.overlap",
          }
        }
      }
    }
  }

  const seen = new Set<string>()
  v.closures.forEach((c, i) => {
    if (!isRealDate(c.date)) errors[`closures.${i}.date`] = { key: "form.errors.date" }
    else if (seen.has(c.date)) errors[`closures.${i}.date`] = { key: "form.errors.duplicateDate" }
    seen.add(c.date)
    if (c.reason.length > 200) errors[`closures.${i}.reason`] = { key: "form.errors.maxLength", values: { max: 200 } }
  })
  return errors
}

const orNull = (value: string) => (value.trim() === "" ? null : value.trim())
const countOrNull = (value: string) => (value.trim() === "" ? null : Number(value))

export const formToBody = (v: ShopFormValues): ShopWriteBody => {
  const hours: OpeningHours = {}
  for (const d of WEEKDAYS) hours[d] = v.opening_hours[d].map(({ open, close }) => ({ open, close }))
  const closures: Closure[] = [...v.closures]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((c) => (c.reason.trim() ? { date: c.date, reason: c.reason.trim() } : { date: c.date }))
  return {
    code: v.code.trim(),
    name: v.name.trim(),
    kind: v.kind,
    status: v.status,
    territory_id: v.territory_id || null,
    latitude: Number(v.latitude),
    longitude: Number(v.longitude),
    city: v.city.trim(),
    province: orNull(v.province),
    address: orNull(v.address),
    timezone: v.timezone.trim(),
    phone: orNull(v.phone),
    floor_area_m2: countOrNull(v.floor_area_m2),
    staff_count: countOrNull(v.staff_count),
    opening_hours: v.hours_set ? hours : null,
    closures: closures.length ? closures : null,
  }
}

/** The create body: the shop, plus the channel choices only a new shop takes. */
export const formToCreateBody = (v: ShopFormValues): ShopWriteBody => ({
  ...formToBody(v),
  ...(v.sales_channel_ids.length ? { sales_channel_ids: v.sales_channel_ids } : {}),
  ...(v.pos_channel !== undefined ? { pos_channel: v.pos_channel } : {}),
  ...(v.pickup !== undefined ? { pickup: v.pickup } : {}),
})

/**
 * Only what the merchant changed: an unrelated edit of a closed shop must not re-run the
 * closing check, and a rename is the only thing that renames its stock location.
 */
export const changedFields = (initial: ShopFormValues, current: ShopFormValues): Partial<ShopWriteBody> => {
  const before = formToBody(initial) as Record<string, unknown>
  const after = formToBody(current) as Record<string, unknown>
  return Object.fromEntries(
    Object.entries(after).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k]))
  ) as Partial<ShopWriteBody>
}

/** The API's default for POS channel and pickup: every kind but a warehouse. */
export const servesCustomersByDefault = (kind: ShopKind) => kind !== "warehouse"
