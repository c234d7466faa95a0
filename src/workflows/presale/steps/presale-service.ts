import type { MedusaContainer } from "@medusajs/framework/types"
import { PRESALE_MODULE } from "../../../modules/presale"
import type PresaleModuleService from "../../../modules/presale/service"

export const presaleOf = (container: MedusaContainer) => container.resolve<PresaleModuleService>(PRESALE_MODULE)

/** The events a presale emits; a connector or a notification subscriber listens to these. */
export const PresaleEvents = {
  RESERVED: "presale.reserved",
  PAID: "presale.paid",
  CONVERTED: "presale.converted",
  EXPIRED: "presale.expired",
  CANCELED: "presale.canceled",
  FORFEITED: "presale.forfeited",
  QUOTA_RETURNED: "presale.quota_returned",
  WAITLIST_PROMOTED: "presale.waitlist_promoted",
  SHIP_DATE_CHANGED: "presale.ship_date_changed",
  CAMPAIGN_CANCELED: "presale.campaign_canceled",
} as const
