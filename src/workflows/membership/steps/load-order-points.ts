import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DEFAULT_TIME_ZONE, localBusinessDate } from "../../../lib/opening-hours"
import { SHOPS_MODULE } from "../../../modules/shops"
import type ShopsModuleService from "../../../modules/shops/service"
import { memberOfCustomer } from "./membership-service"

export type OrderPointsLine = { id: string; quantity: number; amount: number; category_ids: string[] }

export type OrderPointsInput = {
  order_id: string
  member_id: string | null
  customer_id: string | null
  cart_id: string | null
  sales_channel_id: string | null
  shop_id: string | null
  currency_code: string
  created_at: Date
  business_date: string
  promo_codes: string[]
  lines: OrderPointsLine[]
}

const money = (v: unknown) => Math.round(Number((v as any)?.numeric_ ?? (v as any)?.value ?? v ?? 0) * 100) / 100

/**
 * What an order means for points: its member (by the order's customer), each line with what
 * was paid for it (after discounts, points discounts included, so points never earn points),
 * its product's categories, the channel and — for a till sale — the shop, and the business
 * date in that shop's time zone (member days are local days).
 */
export const loadOrderPointsStep = createStep("membership-load-order-points", async (input: { order_id: string }, { container }) => {
  // Line totals come from the order module itself: Query returns order lines without their
  // computed totals; the product's categories and the cart come through Query's links.
  const order = await container
    .resolve(Modules.ORDER)
    .retrieveOrder(input.order_id, {
      select: ["id", "customer_id", "sales_channel_id", "currency_code", "created_at", "metadata", "total"],
      relations: ["items", "items.adjustments", "items.tax_lines"],
    })
    .catch(() => null)
  if (!order) return new StepResponse(null as OrderPointsInput | null)
  const { data: [linked] } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "cart.id", "items.id", "items.variant.product.categories.id"],
    filters: { id: input.order_id },
  })
  const categoriesOf = new Map<string, string[]>(
    (((linked as any)?.items ?? []) as any[]).filter(Boolean).map((i) => [i.id, ((i.variant?.product?.categories ?? []) as any[]).filter(Boolean).map((c) => c.id)])
  )
  const member = await memberOfCustomer(container, order.customer_id)
  const shopId = ((order.metadata as any)?.shop_id as string | undefined) ?? null
  let timeZone = DEFAULT_TIME_ZONE
  if (shopId) {
    const [shop] = await container.resolve<ShopsModuleService>(SHOPS_MODULE).listShops({ id: shopId }, { select: ["timezone"] })
    timeZone = shop?.timezone || DEFAULT_TIME_ZONE
  }
  const items = ((order.items ?? []) as any[]).filter(Boolean)
  return new StepResponse({
    order_id: order.id,
    member_id: member?.id ?? null,
    customer_id: order.customer_id ?? null,
    cart_id: ((linked as any)?.cart?.id as string | undefined) ?? null,
    sales_channel_id: order.sales_channel_id ?? null,
    shop_id: shopId,
    currency_code: order.currency_code,
    created_at: new Date(order.created_at as Date),
    business_date: localBusinessDate(timeZone, new Date(order.created_at as Date)),
    promo_codes: [...new Set(items.flatMap((i) => (i.adjustments ?? []).map((a: any) => a?.code).filter(Boolean)))] as string[],
    lines: items.map((i) => ({
      id: i.id,
      quantity: Number(i.quantity),
      amount: money(i.total),
      category_ids: categoriesOf.get(i.id) ?? [],
    })),
  })
})
