import type { MedusaContainer } from "@medusajs/framework/types"
import { DEFAULT_TIME_ZONE, localBusinessDate } from "../../../lib/opening-hours"
import { membershipOf } from "../steps/membership-service"
import { grantCouponWorkflow } from "./grant-coupon"

/** How long a birthday coupon stays in the wallet. */
export const BIRTHDAY_COUPON_DAYS = 30

/**
 * The member.birthday values ("MM-DD") whose birthday falls on this local date, and the year
 * it counts for. 29 February birthdays are celebrated on the 28th in other years.
 */
export function birthdaysOn(localDate: string): { year: string; days: string[] } {
  const [y, m, d] = localDate.split("-")
  const year = Number(y)
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const today = `${m}-${d}`
  return { year: y, days: today === "02-28" && !leap ? ["02-28", "02-29"] : [today] }
}

/**
 * Daily: each active member whose birthday is today (China time) gets their tier's birthday
 * coupon, once a year — the grant's (member, "birthday", year) is unique, so a rerun or a
 * second process grants nothing twice. Members whose tier has no birthday promotion get none.
 */
export async function grantBirthdayCoupons(container: MedusaContainer, now = new Date()) {
  const membership = membershipOf(container)
  const { year, days } = birthdaysOn(localBusinessDate(DEFAULT_TIME_ZONE, now))
  const expiresAt = new Date(now.getTime() + BIRTHDAY_COUPON_DAYS * 86_400_000)
  const PAGE = 500
  let granted = 0
  let skipped = 0
  const failed: { member_id: string; message: string }[] = []
  for (let skip = 0; ; skip += PAGE) {
    const members = await membership.listMembers({ status: "active", birthday: days }, { relations: ["tier"], order: { id: "ASC" }, take: PAGE, skip })
    for (const m of members as any[]) {
      const promotionId = m.tier?.birthday_promotion_id
      if (!promotionId) {
        skipped++
        continue
      }
      try {
        const { result } = await grantCouponWorkflow(container).run({
          input: { member_id: m.id, promotion_id: promotionId, source: "birthday", source_id: year, expires_at: expiresAt },
        })
        if (result.created) granted++
      } catch (e) {
        // One member's failure (a deleted template, say) does not keep the others from theirs.
        failed.push({ member_id: m.id, message: (e as Error).message })
      }
    }
    if (members.length < PAGE) break
  }
  return { granted, skipped, failed, year, days }
}
