import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { IDEMPOTENCY_MODULE } from "../modules/idempotency"
import type IdempotencyModuleService from "../modules/idempotency/service"

/** Expired Idempotency-Keys are never answered again; this only keeps the table small. */
export default async function purgeIdempotencyKeys(container: MedusaContainer) {
  const purged = await container.resolve<IdempotencyModuleService>(IDEMPOTENCY_MODULE).purgeExpired()
  if (purged) container.resolve(ContainerRegistrationKeys.LOGGER).info(`Purged ${purged} expired idempotency keys`)
}

export const config = { name: "purge-idempotency-keys", schedule: "17 * * * *" }
