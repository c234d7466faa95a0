import { expiresAt, qualifyingTier, takeFromLots, type ExpiryPolicy, type TierRung } from "../../lib/membership"
import { createRng, deriveSeed } from "../demo-chain/rng"

/**
 * One scale member's history for the points-ledger benchmark (issue 5 §6), simulated with the
 * ledger's own rules so the balances equal the ledger sums and the reconcile is clean:
 *
 * - earn (an order, online or at a shop): a lot, pending until the return window closes
 *   (fulfilled the next day + 7 days), then spendable; ¥1 = 1 point, double on the 8th
 *   (the demo's member day); expires at the end of the year after next;
 * - redeem: whole blocks of 100 points from what is spendable, first-to-expire lots first
 *   (points_take rows say which);
 * - reverse: a return of part of a recent order — pending with the lot while it is pending,
 *   else taken from that lot first, then others, possibly leaving the balance negative;
 * - adjust: an admin gift (a lot) or a small correction (a debit);
 * - expire: what is left of a lot at its expiry (the daily job's entry).
 *
 * A credit that arrives while the balance is negative first pays the debt off (the lot keeps
 * only the rest), as the service's `lotRemainingAfterDebt` does.
 */

const DAY = 86_400_000
const HOUR = 3_600_000
/** Fulfilled the next day, then the default 7-day return window. */
const MATURES_AFTER = 8 * DAY
const MEMBER_DAY = 8
const EXPIRY: ExpiryPolicy = { kind: "end_of_year_after_next" }

export type ScaleChannel = { sales_channel_id: string | null; shop_id: string | null; via: string }

export type ScaleContext = {
  seed: number
  now: Date
  /** The ladder, lowest first, with the tier's customer group. */
  tiers: (TierRung & { customer_group_id: string | null })[]
  /** Where orders happen: the online channel and the shops' POS channels. */
  channels: ScaleChannel[]
}

export type EntryRow = {
  id: string
  kind: "earn" | "redeem" | "expire" | "adjust" | "reverse"
  status: "pending" | "available"
  points: number
  remaining: number
  amount: number
  source_type: string
  source_id: string
  related_entry_id: string | null
  order_id: string | null
  sales_channel_id: string | null
  shop_id: string | null
  actor: string | null
  reason: string | null
  available_at: Date | null
  expires_at: Date | null
  created_at: Date
  updated_at: Date
}

export type TakeRow = { id: string; entry_id: string; lot_id: string; points: number; created_at: Date }

export type ScaleMember = {
  index: number
  email: string
  phone: string
  first_name: string
  last_name: string
  joined_at: Date
  joined_via: string
  joined_shop_id: string | null
  tier_id: string
  customer_group_id: string | null
  spend_12m: number
  points_12m: number
  points_available: number
  points_pending: number
  entries: EntryRow[]
  takes: TakeRow[]
}

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"]
const GIVEN = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "晨", "欣怡", "子涵", "浩然", "雨桐"]

export const scaleEmail = (index: number) => `scale-member-${index}@members.mendian.test`
/** +86 139 NNNN NNNN: apart from the demo's +86 138 0000 …. */
export const scalePhone = (index: number) => `+86139${String(index).padStart(8, "0")}`
export const SCALE_EMAIL_PATTERN = "scale-member-%@members.mendian.test"

/**
 * How many ledger entries each member gets: `total` spread over `members`, members in pairs
 * one above and one below the mean (up to ±80 %), so the total is exact and the spread real.
 */
export function entriesFor(index: number, members: number, total: number, seed: number): number {
  const base = (i: number) => Math.floor((total * (i + 1)) / members) - Math.floor((total * i) / members)
  const pair = index - (index % 2)
  if (pair + 1 >= members) return base(index)
  const room = Math.floor(0.8 * Math.min(base(pair), base(pair + 1)))
  const d = Math.floor(createRng(deriveSeed(seed, `entries:${pair}`)).next() * (room + 1))
  return index % 2 === 0 ? base(index) + d : base(index) - d
}

type Lot = EntryRow & { reversed: number }

/** Simulates member `index` with `count` ledger entries; `id(prefix)` makes entity ids. */
export function simulateMember(index: number, count: number, ctx: ScaleContext, id: (prefix: string) => string): ScaleMember {
  const rng = createRng(deriveSeed(ctx.seed, `member:${index}`))
  const now = ctx.now.getTime()
  // Joined between three years and a month ago; some spend a lot more than others.
  const joined = now - rng.int(30, 3 * 365) * DAY - rng.int(0, DAY - 1)
  const appetite = rng.weighted([
    [0.4, 30],
    [1, 40],
    [3, 20],
    [10, 8],
    [30, 2],
  ] as const)
  const home = rng.pick(ctx.channels)
  const entries: EntryRow[] = []
  const takes: TakeRow[] = []
  const lots: Lot[] = []
  let available = 0
  let pending = 0
  let budget = count

  const entry = (e: Omit<EntryRow, "id" | "updated_at" | "remaining" | "status"> & Partial<Pick<EntryRow, "remaining" | "status">>): EntryRow => {
    const row: EntryRow = { id: id("pte"), status: "available", remaining: 0, updated_at: e.created_at, ...e }
    entries.push(row)
    budget--
    return row
  }
  const debit = (entryRow: EntryRow, points: number, at: Date, prefer?: Lot) => {
    let left = points
    const spend = (lot: Lot, n: number) => {
      lot.remaining -= n
      lot.updated_at = at
      takes.push({ id: id("ptk"), entry_id: entryRow.id, lot_id: lot.id, points: n, created_at: at })
      left -= n
    }
    if (prefer && prefer.status === "available" && prefer.remaining > 0) spend(prefer, Math.min(prefer.remaining, left))
    const open = lots.filter((l) => l.status === "available" && l.remaining > 0)
    const { takes: plan } = takeFromLots(open, left)
    for (const t of plan) spend(open.find((l) => l.id === t.lot_id)!, t.points)
  }
  // As the service's lotRemainingAfterDebt: a credit first pays off a negative balance.
  const credit = (points: number) => Math.max(0, points - Math.max(0, -available))

  const mature = (t: number) => {
    for (const lot of lots) {
      if (lot.status !== "pending" || lot.available_at!.getTime() > t) continue
      const at = lot.available_at!
      const reversals = entries.filter((e) => e.kind === "reverse" && e.related_entry_id === lot.id && e.status === "pending")
      const net = lot.points + reversals.reduce((s, r) => s + r.points, 0)
      for (const r of reversals) (r.status = "available"), (r.updated_at = at)
      lot.status = "available"
      lot.remaining = credit(lot.remaining)
      lot.updated_at = at
      pending -= net
      available += net
    }
  }
  const expire = (t: number) => {
    for (const lot of lots) {
      if (budget <= 0) return
      if (lot.status !== "available" || lot.remaining <= 0 || !lot.expires_at || lot.expires_at.getTime() > t) continue
      const at = new Date(lot.expires_at.getTime() + HOUR)
      const n = lot.remaining
      entry({
        kind: "expire", points: -n, amount: 0, source_type: "lot", source_id: lot.id, related_entry_id: lot.id, order_id: null,
        sales_channel_id: null, shop_id: null, actor: "system", reason: `expired ${lot.expires_at.toISOString().slice(0, 10)}`,
        available_at: null, expires_at: null, created_at: at,
      })
      lot.remaining = 0
      lot.updated_at = at
      available -= n
    }
  }

  // The member's activity spread over their membership, a little jittered.
  const span = now - HOUR - joined
  let seq = 0
  for (let k = 0; budget > 0; k++) {
    const t = Math.min(now - HOUR, joined + ((Math.min(k, count - 1) + rng.float(0.1, 0.9)) * span) / count)
    mature(t)
    expire(t)
    if (budget <= 0) break
    const at = new Date(t)
    const spendable = available
    const recent = lots.filter((l) => l.kind === "earn" && l.points - l.reversed > 1 && t - l.created_at.getTime() < 30 * DAY)
    const roll = rng.next()
    seq++
    if (roll < 0.14 && spendable >= 100) {
      const points = 100 * rng.int(1, Math.min(50, Math.floor(spendable / 100)))
      const order = `order_scale_${index}_${seq}`
      const row = entry({
        kind: "redeem", points: -points, amount: 0, source_type: "order", source_id: order, related_entry_id: null, order_id: order,
        sales_channel_id: home.sales_channel_id, shop_id: home.shop_id, actor: "customer:scale", reason: `${points} points for ¥${(points / 100).toFixed(2)} off`,
        available_at: null, expires_at: null, created_at: at,
      })
      debit(row, points, at)
      available -= points
    } else if (roll < 0.22 && recent.length) {
      const lot = rng.pick(recent)
      const share = rng.float(0.2, 1)
      const points = Math.max(1, Math.min(lot.points - lot.reversed, Math.round(lot.points * share)))
      const amount = -Math.round(lot.amount * (points / lot.points) * 100) / 100
      const row = entry({
        kind: "reverse", status: lot.status, points: -points, amount, source_type: "return", source_id: `ret_scale_${index}_${seq}`, related_entry_id: lot.id,
        order_id: lot.order_id, sales_channel_id: lot.sales_channel_id, shop_id: lot.shop_id, actor: "system", reason: "returned items",
        available_at: null, expires_at: null, created_at: at,
      })
      lot.reversed += points
      if (lot.status === "pending") {
        lot.remaining = Math.max(0, lot.remaining - points)
        pending -= points
      } else {
        debit(row, points, at, lot)
        available -= points
      }
    } else if (roll < 0.25) {
      if (spendable >= 100 && rng.chance(0.3)) {
        const points = rng.int(1, Math.min(spendable, 300))
        const row = entry({
          kind: "adjust", points: -points, amount: 0, source_type: "admin", source_id: `adj_scale_${index}_${seq}`, related_entry_id: null, order_id: null,
          sales_channel_id: null, shop_id: null, actor: "user:scale", reason: "更正 / correction", available_at: null, expires_at: null, created_at: at,
        })
        debit(row, points, at)
        available -= points
      } else {
        const points = rng.pick([100, 200, 500])
        const lot = entry({
          kind: "adjust", points, remaining: credit(points), amount: 0, source_type: "admin", source_id: `adj_scale_${index}_${seq}`, related_entry_id: null,
          order_id: null, sales_channel_id: null, shop_id: null, actor: "user:scale", reason: "会员礼 / goodwill", available_at: null,
          expires_at: expiresAt(at, EXPIRY), created_at: at,
        }) as Lot
        lot.reversed = 0
        lots.push(lot)
        available += points
      }
    } else {
      // An order: mostly at the member's usual place, sometimes elsewhere.
      const where = rng.chance(0.7) ? home : rng.pick(ctx.channels)
      const amount = Math.round(rng.float(20, 400) * appetite * 100) / 100
      const local = new Date(t + 8 * HOUR)
      const points = Math.max(1, Math.floor(amount * (local.getUTCDate() === MEMBER_DAY ? 2 : 1)))
      const order = `order_scale_${index}_${seq}`
      const lot = entry({
        kind: "earn", status: "pending", points, remaining: points, amount, source_type: "order", source_id: order, related_entry_id: null, order_id: order,
        sales_channel_id: where.sales_channel_id, shop_id: where.shop_id, actor: "system", reason: null,
        available_at: new Date(t + MATURES_AFTER), expires_at: expiresAt(at, EXPIRY), created_at: at,
      }) as Lot
      lot.reversed = 0
      lots.push(lot)
      pending += points
    }
  }
  mature(now)

  // The tier: what the last 12 months qualify for (the review's "activity" mode).
  const since = now - 365 * DAY
  const window = entries.filter((e) => e.created_at.getTime() > since && (e.kind === "earn" || (e.kind === "reverse" && e.source_type === "return")))
  const spend = Math.round(window.reduce((s, e) => s + e.amount, 0) * 100) / 100
  const points12 = window.reduce((s, e) => s + e.points, 0)
  const tier = qualifyingTier(ctx.tiers, { spend, points: points12 })

  return {
    index,
    email: scaleEmail(index),
    phone: scalePhone(index),
    first_name: GIVEN[Math.floor(rng.next() * GIVEN.length)],
    last_name: SURNAMES[Math.floor(rng.next() * SURNAMES.length)],
    joined_at: new Date(joined),
    joined_via: home.via,
    joined_shop_id: home.shop_id,
    tier_id: tier.id,
    customer_group_id: tier.customer_group_id,
    spend_12m: spend,
    points_12m: points12,
    points_available: available,
    points_pending: pending,
    entries,
    takes,
  }
}
