import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const fleets = await req.scope.resolve<TransfersModuleService>(TRANSFERS_MODULE).listDepotFleets({}, { take: null as any })
  res.json({ depot_fleets: fleets })
}

/** POST /admin/depot-fleets: sets a depot's fleet (one per stock location; posting again replaces it). */
export const POST = async (req: MedusaRequest<Record<string, any>>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "stock_location", fields: ["id"], filters: { id: body.location_id } })
  if (!data.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `location_id: stock location ${body.location_id} was not found`)
  const service = req.scope.resolve<TransfersModuleService>(TRANSFERS_MODULE)
  const [existing] = await service.listDepotFleets({ location_id: body.location_id })
  const fleet = existing ? await service.updateDepotFleets({ ...body, id: existing.id } as any) : await service.createDepotFleets(body as any)
  res.status(existing ? 200 : 201).json({ depot_fleet: fleet })
}
