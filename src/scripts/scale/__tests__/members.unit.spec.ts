import { entriesFor, simulateMember, type ScaleContext } from "../members"
import { entityIdFactory } from "../ulid"

const ctx: ScaleContext = {
  seed: 871,
  now: new Date("2026-11-24T12:00:00Z"),
  tiers: [
    { id: "normal", rank: 0, qualify_spend: null, qualify_points: null, customer_group_id: null },
    { id: "silver", rank: 1, qualify_spend: 1000, qualify_points: 1000, customer_group_id: "g1" },
    { id: "gold", rank: 2, qualify_spend: 5000, qualify_points: 5000, customer_group_id: "g2" },
    { id: "diamond", rank: 3, qualify_spend: 20000, qualify_points: null, customer_group_id: "g3" },
  ],
  channels: [
    { sales_channel_id: "sc_online", shop_id: null, via: "web" },
    { sales_channel_id: "sc_pos_1", shop_id: "shop_1", via: "pos" },
  ],
}

describe("entriesFor", () => {
  it("spreads the total exactly over the members, unevenly", () => {
    for (const [members, total] of [[1000, 50_000], [999, 50_123], [7, 70]]) {
      const counts = Array.from({ length: members }, (_, i) => entriesFor(i, members, total, 871))
      expect(counts.reduce((a, b) => a + b, 0)).toBe(total)
      expect(Math.min(...counts)).toBeGreaterThanOrEqual(1)
      if (members > 100) expect(Math.max(...counts) - Math.min(...counts)).toBeGreaterThan(total / members)
    }
  })
})

describe("simulateMember", () => {
  const id = entityIdFactory()
  const members = Array.from({ length: 2000 }, (_, i) => simulateMember(i, entriesFor(i, 2000, 100_000, 871), ctx, id))

  it("writes exactly the entries asked for, with every kind present across members", () => {
    members.forEach((m, i) => expect(m.entries).toHaveLength(entriesFor(i, 2000, 100_000, 871)))
    const kinds = new Set(members.flatMap((m) => m.entries.map((e) => `${e.kind}:${e.status}`)))
    for (const k of ["earn:available", "earn:pending", "redeem:available", "expire:available", "adjust:available", "reverse:available", "reverse:pending"]) expect(kinds).toContain(k)
  })

  it("keeps the balances equal to the ledger sums and the lots' remaining equal to the positive balance (what reconcile checks)", () => {
    for (const m of members) {
      const sum = (status: string) => m.entries.filter((e) => e.status === status).reduce((s, e) => s + e.points, 0)
      expect(m.points_available).toBe(sum("available"))
      expect(m.points_pending).toBe(sum("pending"))
      const lots = m.entries.filter((e) => e.status === "available").reduce((s, e) => s + e.remaining, 0)
      expect(lots).toBe(Math.max(0, m.points_available))
      for (const e of m.entries) expect(e.remaining).toBeGreaterThanOrEqual(0)
    }
  })

  it("records where every debit took its points, never more than a lot had", () => {
    for (const m of members) {
      const byId = new Map(m.entries.map((e) => [e.id, e]))
      const taken = new Map<string, number>()
      for (const t of m.takes) {
        expect(byId.get(t.entry_id)!.points).toBeLessThan(0)
        expect(["earn", "adjust"]).toContain(byId.get(t.lot_id)!.kind)
        taken.set(t.lot_id, (taken.get(t.lot_id) ?? 0) + t.points)
      }
      for (const [lotId, n] of taken) {
        const lot = byId.get(lotId)!
        const expired = m.entries.filter((e) => e.kind === "expire" && e.related_entry_id === lotId).reduce((s, e) => s - e.points, 0)
        expect(n + expired + lot.remaining).toBeLessThanOrEqual(lot.points)
      }
    }
  })

  it("is reproducible from the seed and places members on every tier", () => {
    const again = simulateMember(5, entriesFor(5, 2000, 100_000, 871), ctx, id)
    expect(again.entries.map((e) => [e.kind, e.points, e.created_at.getTime()])).toEqual(members[5].entries.map((e) => [e.kind, e.points, e.created_at.getTime()]))
    const tiers = new Set(members.map((m) => m.tier_id))
    expect([...tiers].sort()).toEqual(["diamond", "gold", "normal", "silver"])
    expect(members.some((m) => m.points_available < 0)).toBe(true)
  })
})
