import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { IDEMPOTENCY_MODULE } from ".."
import IdempotencyModuleService from "../service"

jest.setTimeout(60_000)

const claim = { key: "k1", scope: "POST /pos/orders", actor: "pos:postok_1", requestHash: "h1" }

moduleIntegrationTestRunner<IdempotencyModuleService>({
  moduleName: IDEMPOTENCY_MODULE,
  resolve: "./src/modules/idempotency",
  moduleOptions: { ttl_hours: 1 },
  testSuite: ({ service, MikroOrmWrapper }) => {
    it("lets exactly one of many concurrent requests claim a key", async () => {
      const outcomes = await Promise.all(Array.from({ length: 12 }, () => service.claim(claim)))
      expect(outcomes.filter((o) => o.kind === "claimed")).toHaveLength(1)
      expect(outcomes.filter((o) => o.kind === "in_progress")).toHaveLength(11)
    })

    it("replays a completed answer and refuses another body", async () => {
      const first = await service.claim(claim)
      if (first.kind !== "claimed") throw new Error("expected a claim")
      await service.complete(first.id, 201, { order: { id: "order_1" } })
      expect(await service.claim(claim)).toEqual({ kind: "replay", status: 201, body: { order: { id: "order_1" } } })
      expect(await service.claim({ ...claim, requestHash: "h2" })).toEqual({ kind: "mismatch" })
    })

    it("keeps keys private to their actor and their endpoint", async () => {
      await service.claim(claim)
      expect((await service.claim({ ...claim, actor: "pos:postok_2" })).kind).toBe("claimed")
      expect((await service.claim({ ...claim, scope: "POST /admin/shops" })).kind).toBe("claimed")
    })

    it("hands a claim abandoned by a dead process to the retry, saying so", async () => {
      const first = await service.claim(claim)
      expect(first).toEqual(expect.objectContaining({ kind: "claimed", takeover: false }))
      expect((await service.claim(claim)).kind).toBe("in_progress")
      await MikroOrmWrapper.forkManager().execute(
        `UPDATE idempotency_key SET updated_at = now() - interval '10 minutes'`
      )
      expect(await service.claim(claim)).toEqual(expect.objectContaining({ kind: "claimed", takeover: true }))
    })

    it("frees released and expired keys", async () => {
      const first = await service.claim(claim)
      if (first.kind !== "claimed") throw new Error("expected a claim")
      await service.release(first.id)
      const second = await service.claim(claim)
      expect(second.kind).toBe("claimed")
      if (second.kind !== "claimed") return
      await service.complete(second.id, 200, { ok: true })

      const manager = MikroOrmWrapper.forkManager()
      await manager.execute(`UPDATE idempotency_key SET expires_at = now() - interval '1 minute'`)
      expect((await service.claim({ ...claim, requestHash: "other" })).kind).toBe("claimed")
      expect(await service.purgeExpired()).toBe(0)
    })
  },
})
