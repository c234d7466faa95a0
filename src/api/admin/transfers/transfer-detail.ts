import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { inTransit } from "../../../lib/transfer-state"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"
import { quantitiesOf } from "../../../modules/transfers/service"
import { withVariants } from "../../../workflows/replenishment/queries/variant-summaries"

/** A transfer as the admin shows it: lines with variants and what is in transit, places named, the movement log. */
export async function transferDetail(container: MedusaContainer, id: string) {
  const service = container.resolve<TransfersModuleService>(TRANSFERS_MODULE)
  const transfer: any = await service.retrieveTransfer(id, { relations: ["lines", "movements"] })
  const lines = [...transfer.lines].sort((a: any, b: any) => +new Date(a.created_at) - +new Date(b.created_at) || a.id.localeCompare(b.id))
  const locationIds = [...new Set([transfer.source_location_id, ...lines.map((l: any) => l.destination_location_id)])]
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: locations }, { data: shops }] = await Promise.all([
    query.graph({ entity: "stock_location", fields: ["id", "name"], filters: { id: locationIds } }),
    query.graph({ entity: "shop", fields: ["id", "code", "name", "stock_location_id"], filters: { stock_location_id: locationIds } as any }),
  ])
  const shopAt = new Map((shops as any[]).map((s) => [s.stock_location_id, s]))
  const place = (locationId: string) => {
    const s: any = shopAt.get(locationId)
    const l: any = (locations as any[]).find((x) => x.id === locationId)
    return { location_id: locationId, name: s?.name ?? l?.name ?? null, shop_id: s?.id ?? null, shop_code: s?.code ?? null }
  }
  const { lines: _l, movements, ...doc } = transfer
  return {
    ...doc,
    source: place(transfer.source_location_id),
    lines: (await withVariants(container, lines)).map((l: any) => ({
      ...l,
      destination: place(l.destination_location_id),
      quantity_in_transit: inTransit(quantitiesOf(l)),
    })),
    movements: [...movements].sort((a: any, b: any) => Number(a.seq) - Number(b.seq)),
  }
}
