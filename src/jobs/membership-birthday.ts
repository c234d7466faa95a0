import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { expireCouponsWorkflow, grantBirthdayCoupons } from "../workflows/membership/coupons"

/**
 * Daily, early morning in China: coupons past their date leave wallets, then members whose
 * birthday is today get their tier's birthday coupon (once a year). MEMBERSHIP_RUN_JOBS=false
 * turns it off.
 */
export default async function membershipBirthday(container: MedusaContainer, now = new Date()) {
  if (process.env.MEMBERSHIP_RUN_JOBS === "false") return
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { result: expired } = await expireCouponsWorkflow(container).run({ input: { now } })
  const r = await grantBirthdayCoupons(container, now)
  for (const f of r.failed) logger.warn(`membership birthday coupon for ${f.member_id} failed: ${f.message}`)
  logger.info(`membership coupons: ${expired} expired; birthday ${r.days.join("/")} ${r.year}: ${r.granted} granted, ${r.skipped} without a tier birthday coupon, ${r.failed.length} failed`)
}

// 22:10 UTC = 06:10 in China, before the shops open
export const config = { name: "membership-birthday", schedule: "10 22 * * *" }
