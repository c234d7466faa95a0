import Medusa from "@medusajs/js-sdk"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, storefront } from "../helpers/admin"

jest.setTimeout(240_000)

/** GET /admin/members?customer_id — the member of one customer (the admin customer page's widget). */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let online: { salesChannelId: string; publishableKey: string }

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      online = await storefront(container, "Online")
      await api.post("/admin/member-tiers", { code: "normal", name: "普通", name_en: "Member", rank: 0 }, { headers })
    })

    async function member(email: string) {
      const sdk = new Medusa({ baseUrl: api.defaults.baseURL as string, publishableKey: online.publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "memory" } })
      await sdk.auth.register("customer", "emailpass", { email, password: "s3cret-Pass" })
      const { customer } = await sdk.store.customer.create({ email, first_name: "小", last_name: "王" })
      await sdk.auth.login("customer", "emailpass", { email, password: "s3cret-Pass" })
      const { member } = await sdk.client.fetch<any>("/store/members", { method: "POST", body: { consent_version: "1" } })
      return { customer, member }
    }

    it("finds the member of exactly that customer, none for a customer who is not one, and refuses q with customer_id", async () => {
      const a = await member("a@example.cn")
      await member("aa@example.cn")
      const { customer: outsider } = (await api.post("/admin/customers", { email: "not-a-member@example.cn" }, { headers })).data

      const found = (await api.get(`/admin/members?customer_id=${a.customer.id}`, { headers })).data
      expect(found.count).toBe(1)
      expect(found.members.map((m: any) => m.id)).toEqual([a.member.id])
      expect(found.members[0].customer).toMatchObject({ id: a.customer.id, email: "a@example.cn" })

      const none = (await api.get(`/admin/members?customer_id=${outsider.id}`, { headers })).data
      expect(none).toMatchObject({ count: 0, members: [] })

      const both = await api.get(`/admin/members?customer_id=${a.customer.id}&q=a@example.cn`, { headers }).catch((e: any) => e.response)
      expect(both.status).toBe(400)
      expect(both.data.message).toMatch(/customer_id/)
    })
  },
})
