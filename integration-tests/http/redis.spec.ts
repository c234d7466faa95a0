import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import Redis from "ioredis"
import { adminHeaders } from "../helpers/admin"
import { describeWhen, envForSuite, services } from "../helpers/services"

jest.setTimeout(180_000)

/**
 * Production runs several processes against one Redis: with REDIS_URL set, Medusa's Redis
 * locking, event bus, workflow engine and cache must be the ones in use, and a shop must still
 * be created end to end through them.
 */
describeWhen(services.redis, "with REDIS_URL (Redis modules registered)", () => {
  envForSuite({ REDIS_URL: services.redisUrl })

  medusaIntegrationTestRunner({
    testSuite: ({ api, getContainer }) => {
      it("locks through Redis and runs shop workflows on the Redis workflow engine", async () => {
        const container = getContainer()
        const locking = container.resolve(Modules.LOCKING) as any
        expect(locking.defaultProviderId).toMatch(/redis/)

        const redis = new Redis(services.redisUrl)
        try {
          const key = `mendian-test-${Date.now()}`
          const order: string[] = []
          let seenInRedis = false
          await Promise.all([
            locking.execute(key, async () => {
              seenInRedis = (await redis.keys(`*${key}*`)).length > 0
              await new Promise((r) => setTimeout(r, 200))
              order.push("first")
            }),
            new Promise((r) => setTimeout(r, 50)).then(() => locking.execute(key, async () => order.push("second"))),
          ])
          expect(seenInRedis).toBe(true)
          expect(order).toEqual(["first", "second"])
        } finally {
          redis.disconnect()
        }

        const headers = await adminHeaders(container)
        const res = await api.post(
          "/admin/shops",
          { code: "RDS-1", name: "Redis 店", latitude: 31.23, longitude: 121.47, city: "上海" },
          { headers }
        )
        expect(res.status).toBe(201)
        expect(res.data.shop.stock_location_id).toMatch(/^sloc_/)
      })
    },
  })
})
