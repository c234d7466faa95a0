import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** The store's default shipping profile, which pickup options need; null before any exists. */
export const findDefaultShippingProfileStep = createStep(
  "find-default-shipping-profile",
  async (_: void, { container }) => {
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const [profile] = await fulfillment.listShippingProfiles({ type: "default" }, { take: 1 })
    return new StepResponse(profile?.id ?? null)
  }
)
