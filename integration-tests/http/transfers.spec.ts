// Transfer documents (issue 4 §2): the lifecycle with partial, over, damaged and rejected
// receipt against real inventory levels; cancel after ship refused; two approvals that together
// exceed the source's stock — one wins, the other is a clean 409 and leaves nothing behind.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { adminHeaders } from "../helpers/admin"
import { chinaMarket, productWithStock } from "../helpers/catalog"
import { reconcileStock } from "../../src/workflows/transfers/queries/reconcile-stock"

jest.setTimeout(180_000)

const everyDay = (open: string, close: string) => Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ open, close }]]))
const shopInput = (code: string, extra: Record<string, unknown> = {}) => ({ code, name: `门店${code}`, kind: "standard", status: "open", latitude: 25.04, longitude: 102.72, city: "昆明", ...extra })

async function level(container: MedusaContainer, itemId: string, locationId: string) {
  const [l] = await container.resolve(Modules.INVENTORY).listInventoryLevels({ inventory_item_id: itemId, location_id: locationId })
  return l ? { stocked: Number(l.stocked_quantity), reserved: Number(l.reserved_quantity), incoming: Number(l.incoming_quantity) } : null
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let headers: Record<string, string>
    let dc: any
    let shopB: any
    let tea: { variantId: string; inventoryItemId: string }

    beforeAll(async () => {
      const container = getContainer()
      headers = await adminHeaders(container)
      const market = await chinaMarket(container)
      dc = (await api.post("/admin/shops", shopInput("TR-DC", { kind: "warehouse" }), { headers })).data.shop
      shopB = (
        await api.post("/admin/shops", shopInput("TR-B", { latitude: 25.6, longitude: 100.27, city: "大理", opening_hours: everyDay("09:00", "22:00"), receiving_hours: everyDay("07:00", "10:00") }), { headers })
      ).data.shop
      tea = await productWithStock(container, { sku: "TEA-TR", price: 69, shippingProfileId: market.shippingProfileId, salesChannelIds: [], stock: [{ location_id: dc.stock_location_id, quantity: 20 }] })
    })

    const create = async (quantity: number, key?: string) =>
      (
        await api.post(
          "/admin/transfers",
          { source: { shop_id: dc.id }, lines: [{ destination: { shop_id: shopB.id }, variant_id: tea.variantId, quantity }], reason: "restock", submit: true },
          { headers: key ? { ...headers, "idempotency-key": key } : headers }
        )
      ).data.transfer
    const act = (id: string, action: string, body: Record<string, unknown> = {}) => api.post(`/admin/transfers/${id}/${action}`, body, { headers }).catch((e: any) => e.response)

    it("goes requested → approved → in transit → partially received → received, moving real stock and logging every move", async () => {
      const container = getContainer()
      const t = await create(10, "tr-create-1")
      expect(t).toMatchObject({ status: "requested", source: { shop_code: "TR-DC" }, lines: [{ quantity_requested: 10, destination: { shop_code: "TR-B" }, variant: { sku: "TEA-TR" } }] })
      expect(t.number).toMatch(/^TR-\d{6}$/)
      // The same key again is the same document, not a second one.
      expect((await create(10, "tr-create-1")).id).toBe(t.id)
      const line = t.lines[0].id

      const approved = (await act(t.id, "approve", { lines: [{ id: line, quantity: 8 }] })).data.transfer
      expect(approved).toMatchObject({ status: "approved", lines: [{ quantity_approved: 8, status: "approved" }] })
      expect(approved.lines[0].reservation_id).toBeTruthy()
      expect(await level(container, tea.inventoryItemId, dc.stock_location_id)).toEqual({ stocked: 20, reserved: 8, incoming: 0 })

      const shipped = (await act(t.id, "ship", { lines: [{ id: line, quantity: 7 }] })).data.transfer
      expect(shipped).toMatchObject({ status: "in_transit", lines: [{ quantity_shipped: 7, quantity_in_transit: 7, reservation_id: null }] })
      // Due inside the destination's receiving hours (07:00–10:00 Shanghai = 23:00–02:00 UTC).
      const due = new Date(shipped.lines[0].expected_at)
      expect([23, 0, 1].includes(due.getUTCHours()) || (due.getUTCHours() === 2 && due.getUTCMinutes() === 0)).toBe(true)
      expect(await level(container, tea.inventoryItemId, dc.stock_location_id)).toEqual({ stocked: 13, reserved: 0, incoming: 0 })
      expect(await level(container, tea.inventoryItemId, shopB.stock_location_id)).toEqual({ stocked: 0, reserved: 0, incoming: 7 })

      const refused = await act(t.id, "cancel")
      expect(refused.status).toBe(409)
      expect(refused.data).toMatchObject({ code: "transfer_already_shipped" })
      expect(refused.data.message).toContain("close it short")

      const partial = (await act(t.id, "receive", { lines: [{ id: line, received: 4, damaged: 1 }] })).data.transfer
      expect(partial).toMatchObject({ status: "partially_received", lines: [{ quantity_received: 4, quantity_damaged: 1, quantity_in_transit: 2 }] })
      expect(await level(container, tea.inventoryItemId, shopB.stock_location_id)).toEqual({ stocked: 4, reserved: 0, incoming: 2 })

      const tooMany = await act(t.id, "receive", { lines: [{ id: line, damaged: 3 }] })
      expect(tooMany.status).toBe(400)
      expect(tooMany.data.message).toContain("only 2 still in transit")

      // One rejected (goes back to the DC), three arrive where one was left: two over.
      const done = (await act(t.id, "receive", { lines: [{ id: line, received: 3, rejected: 1 }] })).data.transfer
      expect(done).toMatchObject({ status: "received", lines: [{ quantity_received: 7, quantity_over: 2, quantity_rejected: 1, quantity_in_transit: 0 }] })
      expect(await level(container, tea.inventoryItemId, shopB.stock_location_id)).toEqual({ stocked: 7, reserved: 0, incoming: 0 })
      expect(await level(container, tea.inventoryItemId, dc.stock_location_id)).toEqual({ stocked: 14, reserved: 0, incoming: 0 })
      const l = done.lines[0]
      expect(l.quantity_shipped).toBe(l.quantity_received - l.quantity_over + l.quantity_damaged + l.quantity_rejected + l.quantity_closed_short + l.quantity_in_transit)
      expect(done.movements.map((m: any) => [m.action, m.kind, m.delta_stocked, m.delta_reserved, m.delta_incoming])).toEqual([
        ["approve", "reserve", 0, 8, 0],
        ["ship", "release", 0, -8, 0],
        ["ship", "ship", -7, 0, 0],
        ["ship", "ship", 0, 0, 7],
        ["receive", "receive", 4, 0, -4],
        ["receive", "damage", 0, 0, -1],
        ["receive", "receive", 1, 0, -1],
        ["receive", "over", 2, 0, 0],
        ["receive", "reject", 0, 0, -1],
        ["receive", "reject", 1, 0, 0],
      ])
      expect(done.movements.every((m: any) => m.actor?.startsWith("api-key:"))).toBe(true)
      expect((await reconcileStock(container)).drift).toEqual([])
      const list = (await api.get(`/admin/transfers?shop_id=${shopB.id}&status=received,closed_short`, { headers })).data
      expect(list).toMatchObject({ count: 1, transfers: [{ id: t.id, line_count: 1, units_received: 7 }] })
    })

    it("lets only one of two approvals that together exceed the source's stock through, with a clean 409", async () => {
      const container = getContainer()
      const [a, b] = [await create(15), await create(15)]
      const results = await Promise.all([act(a.id, "approve"), act(b.id, "approve")])
      expect(results.map((r) => r.status).sort()).toEqual([200, 409])
      const loser = results.find((r) => r.status === 409)!
      expect(loser.data).toMatchObject({ code: "insufficient_stock" })
      expect(loser.data.message).toMatch(/not enough TEA-TR at the source to approve it: 15 needed, 5 available/)
      expect(await level(container, tea.inventoryItemId, dc.stock_location_id)).toEqual({ stocked: 20, reserved: 15, incoming: 0 })
      const loserId = results[0].status === 409 ? a.id : b.id
      const after = (await api.get(`/admin/transfers/${loserId}`, { headers })).data.transfer
      expect(after).toMatchObject({ status: "requested", lines: [{ quantity_approved: 0, reservation_id: null }], movements: [] })

      expect((await reconcileStock(container)).drift).toEqual([])
      // Someone changes incoming stock behind the ledger's back: reconcile names it.
      await container.resolve(Modules.INVENTORY).createInventoryLevels([{ inventory_item_id: tea.inventoryItemId, location_id: shopB.stock_location_id, stocked_quantity: 0, incoming_quantity: 3 }])
      expect((await reconcileStock(container)).drift).toEqual([
        { location_id: shopB.stock_location_id, inventory_item_id: tea.inventoryItemId, problem: "incoming is 3, transfers have 0 in transit" },
      ])
      // Cancelling the approved one releases its reservation.
      const winnerId = loserId === a.id ? b.id : a.id
      expect((await act(winnerId, "cancel")).data.transfer).toMatchObject({ status: "cancelled" })
      expect(await level(container, tea.inventoryItemId, dc.stock_location_id)).toEqual({ stocked: 20, reserved: 0, incoming: 0 })
    })

    it("closes short what never arrives, and refuses bad input without changing anything", async () => {
      const container = getContainer()
      const t = await create(5)
      const line = t.lines[0].id
      expect((await act(t.id, "approve", { lines: [{ id: line, quantity: 6 }] })).status).toBe(400)
      expect((await act(t.id, "approve", { lines: [{ id: "trl_nope", quantity: 1 }] })).data.message).toContain("not a line of this transfer")
      expect((await act(t.id, "ship")).data).toMatchObject({ code: "transfer_not_approved" })
      expect(await level(container, tea.inventoryItemId, dc.stock_location_id)).toEqual({ stocked: 20, reserved: 0, incoming: 0 })
      await act(t.id, "approve")
      await act(t.id, "ship")
      await act(t.id, "receive", { lines: [{ id: line, received: 2 }] })
      const closed = (await act(t.id, "close", { reason: "lost in transit" })).data.transfer
      expect(closed).toMatchObject({ status: "closed_short", lines: [{ quantity_closed_short: 3, quantity_in_transit: 0 }] })
      expect(closed.movements.at(-1)).toMatchObject({ kind: "close_short", delta_incoming: -3, reason: "lost in transit" })
      expect(await level(container, tea.inventoryItemId, shopB.stock_location_id)).toEqual({ stocked: 2, reserved: 0, incoming: 0 })
      expect(await level(container, tea.inventoryItemId, dc.stock_location_id)).toEqual({ stocked: 15, reserved: 0, incoming: 0 })
      expect((await reconcileStock(container)).drift).toEqual([])

      const bad = async (body: any) => (await api.post("/admin/transfers", body, { headers }).catch((e: any) => e.response))
      const same = await bad({ source: { shop_id: dc.id }, lines: [{ destination: { shop_id: dc.id }, variant_id: tea.variantId, quantity: 1 }] })
      expect(same.status).toBe(400)
      expect(same.data.message).toContain("lines[0].destination: the same location as the source")
      expect((await bad({ source: { shop_id: "shop_nope" }, lines: [{ destination: { shop_id: shopB.id }, variant_id: tea.variantId, quantity: 1 }] })).status).toBe(404)
      expect((await bad({ source: { shop_id: dc.id }, lines: [{ destination: { shop_id: shopB.id }, variant_id: tea.variantId, quantity: 0 }] })).status).toBe(400)
      expect((await api.get("/admin/transfers?status=flying", { headers }).catch((e: any) => e.response)).status).toBe(400)
    })
  },
})
