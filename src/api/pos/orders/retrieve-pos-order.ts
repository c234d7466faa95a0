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
