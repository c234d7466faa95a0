import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/**
 * Keeps the presale location's levels in step with the campaigns: `delta` units per inventory
 * item added to (or taken off) what the location "stocks", under the items' locks. Stocked there
 * = units on sale in presales and not yet converted; reserved there = units of orders waiting.
 */
export const adjustPresaleStockStep = createStep(
  "adjust-presale-stock",
  async (input: { location_id: string; deltas: { inventory_item_id: string; delta: number }[] }, { container }) => {
    const deltas = input.deltas.filter((d) => d.delta !== 0)
    if (!deltas.length) return new StepResponse(undefined, null)
    const inventory = container.resolve(Modules.INVENTORY)
    const keys = [...new Set(deltas.map((d) => d.inventory_item_id))].sort()
    await container.resolve(Modules.LOCKING).execute(
      keys,
      async () => {
        const levels = await inventory.listInventoryLevels({ inventory_item_id: keys, location_id: input.location_id }, { take: null as any })
        const have = new Set((levels as any[]).map((l) => l.inventory_item_id))
        const missing = deltas.filter((d) => !have.has(d.inventory_item_id))
        if (missing.length) {
          await inventory.createInventoryLevels(missing.map((d) => ({ inventory_item_id: d.inventory_item_id, location_id: input.location_id, stocked_quantity: 0 })))
        }
        await inventory.adjustInventory(deltas.map((d) => ({ inventoryItemId: d.inventory_item_id, locationId: input.location_id, adjustment: d.delta })))
      },
      { timeout: 30 }
    )
    return new StepResponse(undefined, { location_id: input.location_id, deltas })
  },
  async (data, { container }) => {
    if (!data) return
    const inventory = container.resolve(Modules.INVENTORY)
    await container.resolve(Modules.LOCKING).execute(
      [...new Set(data.deltas.map((d) => d.inventory_item_id))].sort(),
      () => inventory.adjustInventory(data.deltas.map((d) => ({ inventoryItemId: d.inventory_item_id, locationId: data.location_id, adjustment: -d.delta }))),
      { timeout: 30 }
    )
  }
)
