import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The receipt view of an order: what was sold, for how much, and where. */
export async function retrievePosOrder(container: MedusaContainer, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph(
    {
      entity: "order",
      fields: [
        "id", "display_id", "status", "currency_code", "email", "customer_id", "sales_channel_id",
        "metadata", "created_at", "total", "subtotal", "tax_total", "discount_total",
        "items.id", "items.title", "items.variant_id", "items.variant_sku", "items.quantity", "items.unit_price", "items.total",
        "fulfillments.id", "fulfillments.location_id", "fulfillments.delivered_at",
        "payment_collections.status", "payment_collections.captured_amount",
      ],
      filters: { id },
    },
    { throwIfKeyNotFound: true }
  )
  return data[0]
}

const LOOKBACK_MS = 48 * 3600 * 1000

/** The order an earlier attempt with this Idempotency-Key placed at this shop, if any. */
export async function findPosOrderByKey(container: MedusaContainer, shopId: string, key: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "metadata"],
    filters: { created_at: { $gte: new Date(Date.now() - LOOKBACK_MS) } },
  })
  const match = data.find(
    (o: any) => o.metadata?.shop_id === shopId && o.metadata?.idempotency_key === key
  )
  return (match?.id as string | undefined) ?? null
}
