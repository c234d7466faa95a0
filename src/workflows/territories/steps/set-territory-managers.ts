import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SHOPS_MODULE } from "../../../modules/shops"

type Link = { [SHOPS_MODULE]: { territory_id: string }; [Modules.USER]: { user_id: string } }

const linkFor = (territoryId: string, userId: string): Link => ({
  [SHOPS_MODULE]: { territory_id: territoryId },
  [Modules.USER]: { user_id: userId },
})

/** Replaces a territory's managers with the given users. */
export const setTerritoryManagersStep = createStep(
  "set-territory-managers",
  async (input: { territory_id: string; user_ids: string[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    const users = await container.resolve(Modules.USER).listUsers({ id: input.user_ids }, { select: ["id"] })
    const missing = input.user_ids.filter((id) => !users.some((u) => u.id === id))
    if (missing.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `manager_ids: ${missing.join(", ")} do not exist`)
    }
    const { data } = await query.graph({
      entity: "territory",
      fields: ["users.id"],
      filters: { id: input.territory_id },
    })
    const before: string[] = (data[0]?.users ?? []).filter(Boolean).map((u: any) => u.id as string)
    const removed = before.filter((id) => !input.user_ids.includes(id))
    const added = input.user_ids.filter((id) => !before.includes(id))
    if (removed.length) await link.dismiss(removed.map((id) => linkFor(input.territory_id, id)))
    if (added.length) await link.create(added.map((id) => linkFor(input.territory_id, id)))
    return new StepResponse(input.user_ids, { territory_id: input.territory_id, before, added, removed })
  },
  async (undo, { container }) => {
    if (!undo) return
    const link = container.resolve(ContainerRegistrationKeys.LINK)
    if (undo.added.length) await link.dismiss(undo.added.map((id) => linkFor(undo.territory_id, id)))
    if (undo.removed.length) await link.create(undo.removed.map((id) => linkFor(undo.territory_id, id)))
  }
)
