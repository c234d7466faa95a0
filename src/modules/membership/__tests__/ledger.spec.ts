import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MEMBERSHIP_MODULE } from ".."
import MembershipModuleService from "../service"

jest.setTimeout(60_000)

const DAY = 86_400_000

moduleIntegrationTestRunner<MembershipModuleService>({
  moduleName: MEMBERSHIP_MODULE,
  resolve: "./src/modules/membership",
  testSuite: ({ service, MikroOrmWrapper }) => {
    const sql = (q: string, p: unknown[] = []) => MikroOrmWrapper.forkManager().execute(q, p)
    let n = 0
    const newMember = async () => {
      const m = await service.createMembers({ customer_id: `cus_${++n}`, joined_at: new Date() })
      return m.id
    }
    const balances = async (id: string) => {
      const m = await service.retrieveMember(id)
      return { available: m.points_available, pending: m.points_pending, held: m.points_held }
    }
    const expectReconciled = async () => expect((await service.reconcile()).drift).toEqual([])
    const earn = (memberId: string, sourceId: string, points: number, extra: Record<string, unknown> = {}) =>
      service.postEarn(memberId, { points, amount: points, source_type: "order", source_id: sourceId, order_id: sourceId, ...extra })

    it("an earn is pending until its return window closes, then spendable; a replay earns nothing", async () => {
      const id = await newMember()
      expect((await earn(id, "order_1", 120)).created).toBe(true)
      expect((await earn(id, "order_1", 120)).created).toBe(false)
      expect(await balances(id)).toEqual({ available: 0, pending: 120, held: 0 })

      // not fulfilled yet: nothing matures however late it is
      expect(await service.matureDue(new Date(Date.now() + 365 * DAY))).toEqual([])
      await service.scheduleAvailability("order_1", new Date(Date.now() - 1000))
      const matured = await service.matureDue(new Date())
      expect(matured).toEqual([expect.objectContaining({ member_id: id, points: 120 })])
      expect(await balances(id)).toEqual({ available: 120, pending: 0, held: 0 })
      await expectReconciled()
    })

    it("a return while pending shrinks the lot; both mature together", async () => {
      const id = await newMember()
      const { entry } = await earn(id, "order_2", 100)
      await service.postReversal(id, entry.id, { points: 40, amount: 40, source_type: "return", source_id: "ret_1", order_id: "order_2" })
      expect(await balances(id)).toEqual({ available: 0, pending: 60, held: 0 })
      await service.scheduleAvailability("order_2", new Date(Date.now() - 1))
      await service.matureDue(new Date())
      expect(await balances(id)).toEqual({ available: 60, pending: 0, held: 0 })
      await expectReconciled()
    })

    it("spends through a cart hold, first-to-expire lots first, and credits a returned redemption back", async () => {
      const id = await newMember()
      await earn(id, "order_a", 300, { status: "available", expires_at: new Date(Date.now() + 30 * DAY) })
      await earn(id, "order_b", 500, { status: "available", expires_at: new Date(Date.now() + 300 * DAY) })
      const hold = await service.holdPoints(id, { cart_id: "cart_1", points: 400, amount: 4, currency_code: "cny", code: "PTS-1", expires_at: new Date(Date.now() + DAY) })
      expect(await balances(id)).toEqual({ available: 800, pending: 0, held: 400 })
      // another cart cannot take what the first one holds
      await expect(
        service.holdPoints(id, { cart_id: "cart_2", points: 500, amount: 5, currency_code: "cny", code: "PTS-2", expires_at: new Date(Date.now() + DAY) })
      ).rejects.toThrow(/400 spendable/)

      const consumed = await service.consumeHold("cart_1", "order_c")
      expect(consumed?.created).toBe(true)
      expect(await balances(id)).toEqual({ available: 400, pending: 0, held: 0 })
      const lots = await sql(`SELECT source_id, remaining FROM points_entry WHERE member_id = ? AND kind = 'earn' ORDER BY source_id`, [id])
      expect(lots.map((l: any) => [l.source_id, Number(l.remaining)])).toEqual([
        ["order_a", 0],
        ["order_b", 400],
      ])
      // the order placed twice (a replayed event) spends nothing more
      expect((await service.consumeHold("cart_1", "order_c"))?.created).toBe(false)
      expect(hold.status).toBe("held")

      await service.creditRedemption(consumed!.entry.id, { source_id: "ret_c", points: 400 })
      await service.creditRedemption(consumed!.entry.id, { source_id: "ret_c", points: 400 })
      expect(await balances(id)).toEqual({ available: 800, pending: 0, held: 0 })
      const [credit] = await sql(`SELECT expires_at FROM points_entry WHERE member_id = ? AND source_type = 'return_redemption'`, [id])
      // the credit keeps the latest expiry of the lots it was spent from
      expect(new Date(credit.expires_at).getTime()).toBeGreaterThan(Date.now() + 299 * DAY)
      await expectReconciled()
    })

    it("a return after the points were spent leaves a negative balance, which the next earn pays off first", async () => {
      const id = await newMember()
      const { entry } = await earn(id, "order_d", 200, { status: "available" })
      await service.holdPoints(id, { cart_id: "cart_d", points: 200, amount: 2, currency_code: "cny", code: "PTS-D", expires_at: new Date(Date.now() + DAY) })
      await service.consumeHold("cart_d", "order_e")
      await service.postReversal(id, entry.id, { points: 150, amount: 150, source_type: "return", source_id: "ret_d", order_id: "order_d" })
      expect(await balances(id)).toEqual({ available: -150, pending: 0, held: 0 })
      await expectReconciled()

      const next = await earn(id, "order_f", 100)
      await service.scheduleAvailability("order_f", new Date(Date.now() - 1))
      await service.matureDue(new Date())
      expect(await balances(id)).toEqual({ available: -50, pending: 0, held: 0 })
      const [lot] = await sql(`SELECT remaining FROM points_entry WHERE id = ?`, [next.entry.id])
      expect(Number(lot.remaining)).toBe(0)
      await expectReconciled()
    })

    it("expires what is left of a lot past its date, once", async () => {
      const id = await newMember()
      await earn(id, "order_g", 90, { status: "available", expires_at: new Date(Date.now() - 1000) })
      await earn(id, "order_h", 10, { status: "available", expires_at: new Date(Date.now() + DAY) })
      expect(await service.expireDue(new Date())).toEqual([{ member_id: id, points: 90 }])
      expect(await service.expireDue(new Date())).toEqual([])
      expect(await balances(id)).toEqual({ available: 10, pending: 0, held: 0 })
      await expectReconciled()
    })

    it("adjusts by hand: a credit is a lot, a debit never goes below zero", async () => {
      const id = await newMember()
      await service.postAdjustment(id, { points: 50, reason: "goodwill", actor: "user:u1", source_id: "adj_1" })
      await service.postAdjustment(id, { points: 50, reason: "goodwill", actor: "user:u1", source_id: "adj_1" })
      await expect(service.postAdjustment(id, { points: -60, reason: "error", actor: "user:u1" })).rejects.toThrow(/50 spendable/)
      await service.postAdjustment(id, { points: -20, reason: "error", actor: "user:u1" })
      expect(await balances(id)).toEqual({ available: 30, pending: 0, held: 0 })
      await expectReconciled()
    })

    it("concurrent holds on one member never spend more than there is", async () => {
      const id = await newMember()
      await earn(id, "order_i", 1000, { status: "available" })
      const tries = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          service.holdPoints(id, { cart_id: `cart_c${i}`, points: 300, amount: 3, currency_code: "cny", code: `PTS-C${i}`, expires_at: new Date(Date.now() + DAY) })
        )
      )
      expect(tries.filter((t) => t.status === "fulfilled")).toHaveLength(3)
      expect(await balances(id)).toEqual({ available: 1000, pending: 0, held: 900 })
      const released = await service.releaseHold((tries.find((t) => t.status === "fulfilled") as PromiseFulfilledResult<any>).value.id, "cart abandoned")
      expect(released?.status).toBe("released")
      expect((await balances(id)).held).toBe(600)
      await expectReconciled()
    })

    it("two enrolments of one phone at once: one member, the other a 409", async () => {
      const tries = await Promise.allSettled(
        ["cus_race_1", "cus_race_2"].map((customer_id) =>
          service.enrol({ customer_id, joined_via: "pos", identities: [{ kind: "phone", value: "+8613900000001", verified_by: "pos" }] })
        )
      )
      expect(tries.map((t) => t.status).sort()).toEqual(["fulfilled", "rejected"])
      expect(String((tries.find((t) => t.status === "rejected") as PromiseRejectedResult).reason.message)).toMatch(/already bound|just enrolled/)
      expect(await service.listMemberIdentities({ value: "+8613900000001" })).toHaveLength(1)
    })

    it("reconcile names a member whose balance drifted from the ledger", async () => {
      const id = await newMember()
      await earn(id, "order_j", 70, { status: "available" })
      await sql(`UPDATE member SET points_available = points_available + 5 WHERE id = ?`, [id])
      const { drift } = await service.reconcile()
      expect(drift).toEqual([expect.objectContaining({ member_id: id, points_available: 75 })])
    })
  },
})
