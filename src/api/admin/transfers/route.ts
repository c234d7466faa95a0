import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { TRANSFERS_MODULE } from "../../../modules/transfers"
import type TransfersModuleService from "../../../modules/transfers/service"
import { createTransferWorkflow } from "../../../workflows/transfers/create-transfer"
import { shopLocationId } from "../../../workflows/replenishment/runs/scope"
import { actorId } from "../replenishment/place-filter"
import { transferDetail } from "./transfer-detail"
import type { AdminCreateTransferType } from "./validators"

type Query = { status?: string[]; source_location_id?: string; destination_location_id?: string; shop_id?: string; q?: string; limit: number; offset: number }

/** GET /admin/transfers: newest first, with line summaries; shop_id matches either side. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const q = (req as any).validatedQuery as Query
  const either = q.shop_id ? await shopLocationId(req.scope, q.shop_id) : undefined
  const { transfers, count } = await req.scope.resolve<TransfersModuleService>(TRANSFERS_MODULE).listTransferSummaries({ ...q, either_location_id: either })
  res.json({ transfers, count, offset: q.offset, limit: q.limit })
}

/** POST /admin/transfers: a draft, or a request when `submit` is true; 201 with the document. */
export const POST = async (req: MedusaRequest<AdminCreateTransferType>, res: MedusaResponse) => {
  const { result } = await createTransferWorkflow(req.scope).run({ input: { ...req.validatedBody, origin: "manual", actor: actorId(req) } })
  res.status(201).json({ transfer: await transferDetail(req.scope, result.id) })
}
