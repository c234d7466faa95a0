import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { variantStocking } from "../../replenishment/queries/stock-positions"

export type PlaceRef = { location_id?: string; shop_id?: string }

export type CreateTransferInput = {
  source: PlaceRef
  lines: { destination: PlaceRef; variant_id: string; quantity: number; proposal_ids?: string[] }[]
  origin?: "manual" | "plan" | "allocation" | "distribution"
  reason?: string | null
  note?: string | null
  plan_id?: string | null
  order_id?: string | null
  submit?: boolean
  actor?: string | null
}

export type ResolvedTransfer = Omit<CreateTransferInput, "source" | "lines"> & {
  source_location_id: string
  lines: { destination_location_id: string; variant_id: string; inventory_item_id: string; units_per_item: number; quantity_requested: number; proposal_ids: string[] | null }[]
}

/** Locations of shops and of plain stock locations, checked to exist, in one pass. */
async function resolvePlaces(container: MedusaContainer, refs: { ref: PlaceRef; path: string }[]): Promise<string[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const shopIds = [...new Set(refs.map((r) => r.ref.shop_id).filter(Boolean))] as string[]
  const { data: shops } = shopIds.length ? await query.graph({ entity: "shop", fields: ["id", "stock_location_id"], filters: { id: shopIds } }) : { data: [] }
  const locationOfShop = new Map((shops as any[]).map((s) => [s.id, s.stock_location_id]))
  const locationIds = [...new Set(refs.map((r) => r.ref.location_id).filter(Boolean))] as string[]
  const { data: locations } = locationIds.length ? await query.graph({ entity: "stock_location", fields: ["id"], filters: { id: locationIds } }) : { data: [] }
  const knownLocations = new Set((locations as any[]).map((l) => l.id))
  return refs.map(({ ref, path }) => {
    if (!!ref.shop_id === !!ref.location_id) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${path}: give exactly one of shop_id and location_id`)
    if (ref.shop_id) {
      const id = locationOfShop.get(ref.shop_id)
      if (!id) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${path}.shop_id: shop ${ref.shop_id} was not found`)
      return id
    }
    if (!knownLocations.has(ref.location_id!)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${path}.location_id: stock location ${ref.location_id} was not found`)
    return ref.location_id!
  })
}

/** Checks a new transfer against the catalogue and the stock network before anything is written. */
export const resolveTransferInputStep = createStep("resolve-transfer-input", async (input: CreateTransferInput, { container }) => {
  if (!input.lines?.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "lines: a transfer needs at least one line")
  const places = await resolvePlaces(container, [
    { ref: input.source, path: "source" },
    ...input.lines.map((l, i) => ({ ref: l.destination, path: `lines[${i}].destination` })),
  ])
  const [source, ...destinations] = places
  const stocking = await variantStocking(container, [...new Set(input.lines.map((l) => l.variant_id))])
  const seen = new Set<string>()
  const lines = input.lines.map((l, i) => {
    const path = `lines[${i}]`
    if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${path}.quantity must be a whole number ≥ 1`)
    if (destinations[i] === source) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${path}.destination: the same location as the source`)
    if (!stocking.has(l.variant_id)) throw new MedusaError(MedusaError.Types.NOT_FOUND, `${path}.variant_id: variant ${l.variant_id} was not found`)
    const s = stocking.get(l.variant_id)
    if (!s) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${path}.variant_id: variant ${l.variant_id} does not manage inventory`)
    const key = `${destinations[i]}|${l.variant_id}`
    if (seen.has(key)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${path}: the same variant to the same destination is already on line ${[...seen].indexOf(key)}`)
    seen.add(key)
    return {
      destination_location_id: destinations[i],
      variant_id: l.variant_id,
      inventory_item_id: s.item,
      units_per_item: s.per,
      quantity_requested: l.quantity,
      proposal_ids: l.proposal_ids?.length ? l.proposal_ids : null,
    }
  })
  const { source: _s, lines: _l, ...rest } = input
  return new StepResponse<ResolvedTransfer>({ ...rest, source_location_id: source, lines })
})
