import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { resolveAllocationStrategy } from "../allocation"
import { availableAt, customerPointOf } from "../allocation/steps/prepare-allocation"
import { channelNetwork } from "../allocation/utils/network-cache"
import { PresaleEvents, presaleOf } from "./steps/presale-service"

type Move = {
  reservation_id: string
  line_item_id: string
  inventory_item_id: string
  presale_location_id: string
  quantity: number
  parts: { location_id: string; quantity: number }[]
  removed: { id: string; quantity: number }[]
  created: string[]
}

/**
 * Moves a paid reservation's order line from the presale location to real stock: the
 * allocation strategy checkout uses picks the locations (nearest with stock, fewest splits)
 * among the order's sales channel's open locations, under the inventory item's lock, and the
 * presale location's level gives the units up. Nothing moves when no location has them yet.
 */
const moveToRealStockStep = createStep(
  "move-presale-reservation-to-stock",
  async (input: { reservation_id: string }, { container }) => {
    const presale = presaleOf(container)
    const r: any = await presale.retrievePresaleReservation(input.reservation_id)
    if (r.status !== "paid" || !r.order_id) return new StepResponse(null as Move | null, null as Move | null)
    const item: any = await presale.retrievePresaleItem(r.item_id)
    const campaign: any = await presale.retrievePresaleCampaign(r.campaign_id)
    const { data } = await container.resolve("query").graph({
      entity: "order",
      fields: ["id", "sales_channel_id", "items.id", "shipping_address.city", "metadata"],
      filters: { id: r.order_id },
    })
    const order: any = data[0]
    const lineId = order.items[0].id as string
    const inventory = container.resolve(Modules.INVENTORY)
    const move = await container.resolve(Modules.LOCKING).execute(
      [item.inventory_item_id],
      async () => {
        const network = await channelNetwork(container, order.sales_channel_id)
        const open = new Set([...network.values()].filter((l) => l.open).map((l) => l.id))
        const available = await availableAt(container, [item.inventory_item_id], open, true)
        const ids = Object.keys(available).filter((id) => (available[id][item.inventory_item_id] ?? 0) > 0)
        if (!ids.length) return null
        const { strategy, options } = resolveAllocationStrategy(container)
        const result = await strategy.allocate({
          lines: [{ id: lineId, variant_id: r.variant_id, quantity: r.quantity, allow_backorder: false, inventory: [{ inventory_item_id: item.inventory_item_id, required_quantity: 1 }] }],
          locations: ids.map((id) => ({ id, label: network.get(id)!.label, point: network.get(id)!.point, shipping_cost: network.get(id)!.shipping_cost })),
          available: Object.fromEntries(ids.map((id) => [id, available[id]])),
          customer: customerPointOf(order),
          options: { ...options },
        })
        if (result.unserved.length) return null
        const parts = result.lines[0].parts.map((p) => ({ location_id: p.location_id, quantity: p.quantity }))
        const old = await inventory.listReservationItems({ line_item_id: lineId, location_id: campaign.location_id }, { take: null as any })
        const created = await inventory.createReservationItems(
          parts.map((p) => ({ line_item_id: lineId, inventory_item_id: item.inventory_item_id, location_id: p.location_id, quantity: p.quantity, description: "presale converted" }))
        )
        await inventory.deleteReservationItems((old as any[]).map((o) => o.id))
        // The units were never on a shelf at the presale location: it stops "stocking" them.
        await inventory.adjustInventory(item.inventory_item_id, campaign.location_id, -r.quantity)
        return {
          reservation_id: r.id,
          line_item_id: lineId,
          inventory_item_id: item.inventory_item_id,
          presale_location_id: campaign.location_id,
          quantity: r.quantity,
          parts,
          removed: (old as any[]).map((o) => ({ id: o.id, quantity: Number(o.quantity) })),
          created: (created as any[]).map((c) => c.id),
        } as Move
      },
      { timeout: 30 }
    )
    return new StepResponse(move, move)
  },
  async (move, { container }) => {
    if (!move) return
    const inventory = container.resolve(Modules.INVENTORY)
    await container.resolve(Modules.LOCKING).execute(
      [move.inventory_item_id],
      async () => {
        await inventory.adjustInventory(move.inventory_item_id, move.presale_location_id, move.quantity)
        await inventory.deleteReservationItems(move.created)
        await inventory.createReservationItems([
          { line_item_id: move.line_item_id, inventory_item_id: move.inventory_item_id, location_id: move.presale_location_id, quantity: move.quantity, allow_backorder: true, description: "presale" },
        ])
      },
      { timeout: 30 }
    )
  }
)

const markConvertedStep = createStep("mark-presale-converted", async (move: Move, { container }) => {
  const presale = presaleOf(container)
  const r = await presale.advance(move.reservation_id, ["paid"], "converted", { converted_at: new Date(), location_id: move.parts[0].location_id })
  if (!r) throw new MedusaError(MedusaError.Types.CONFLICT, "The reservation changed while it was converted", "presale_reservation_state")
  const item: any = await presale.retrievePresaleItem(r.item_id)
  await presale.updatePresaleItems({ id: item.id, converted: item.converted + r.quantity })
  return new StepResponse({ id: r.id as string, campaign_id: r.campaign_id as string, order_id: r.order_id as string }, { id: r.id, item_id: item.id, quantity: r.quantity })
}, async (undo, { container }) => {
  if (!undo) return
  const presale = presaleOf(container)
  await presale.advance(undo.id, ["converted"], "paid", { converted_at: null, location_id: null })
  const item: any = await presale.retrievePresaleItem(undo.item_id)
  await presale.updatePresaleItems({ id: item.id, converted: Math.max(0, item.converted - undo.quantity) })
})

/** One paid reservation converted to real stock, or left waiting when no location has the units yet. */
export const convertPresaleReservationWorkflow = createWorkflow("convert-presale-reservation", (input: { reservation_id: string }) => {
  const move = moveToRealStockStep(input)
  const converted = when({ move }, ({ move }) => !!move).then(() => {
    const done = markConvertedStep(move as any)
    emitEventStep({
      eventName: PresaleEvents.CONVERTED,
      data: transform({ done, move }, ({ done, move }) => ({ id: done.id, campaign_id: done.campaign_id, order_id: done.order_id, locations: move!.parts })),
    })
    return done
  })
  return new WorkflowResponse(
    transform({ move, converted }, ({ move, converted }) => ({ converted: !!converted, locations: move?.parts ?? [] }))
  )
})
