import { OrderStatus } from "@medusajs/framework/utils"
import { splitAmount, type AllocationResult } from "../../../lib/allocation"

/** The key of an order line's metadata that says where the allocation put it. */
export const ALLOCATION_METADATA_KEY = "mendian_allocation"

export type LineAllocationTag = {
  location_id: string
  cart_line_item_id: string
  part: number
  parts: number
  backorder_quantity?: number
}

const rawOf = (v: any, raw: any) => (raw?.value !== undefined ? String(raw.value) : v)

const taxLines = (lines: any[] | undefined) =>
  (lines ?? []).map((t) => ({
    description: t.description,
    tax_rate_id: t.tax_rate_id,
    code: t.code,
    rate: t.rate,
    provider_id: t.provider_id,
    metadata: t.metadata ?? null,
    data: t.data ?? null,
  }))

const adjustments = (list: any[] | undefined, amountOf: (a: any) => any = (a) => rawOf(a.amount, a.raw_amount)) =>
  (list ?? []).map((a) => ({
    code: a.code,
    amount: amountOf(a),
    description: a.description,
    promotion_id: a.promotion_id,
    provider_id: a.provider_id,
    is_tax_inclusive: a.is_tax_inclusive,
  }))

/** A cart line as an order line, the way Medusa's complete-cart does it. */
function orderLine(item: any) {
  const variant = item.variant
  const requiresShipping =
    item.requires_shipping ?? (!!variant?.product?.shipping_profile?.id || !!variant?.inventory_items?.some((i: any) => i.inventory?.requires_shipping))
  return {
    quantity: item.quantity,
    title: item.title ?? variant?.product?.title,
    subtitle: item.subtitle ?? variant?.title,
    thumbnail: item.thumbnail,
    product_id: item.product_id ?? variant?.product?.id,
    product_title: item.product_title,
    product_description: item.product_description,
    product_subtitle: item.product_subtitle,
    product_type: item.product_type ?? null,
    product_type_id: item.product_type_id ?? null,
    product_collection: item.product_collection ?? null,
    product_handle: item.product_handle,
    variant_id: item.variant_id,
    variant_sku: item.variant_sku ?? variant?.sku,
    variant_barcode: item.variant_barcode,
    variant_title: item.variant_title,
    variant_option_values: item.variant_option_values,
    is_discountable: item.is_discountable,
    is_giftcard: variant?.product?.is_giftcard ?? false,
    requires_shipping: requiresShipping,
    unit_price: rawOf(item.unit_price, item.raw_unit_price),
    compare_at_unit_price: item.compare_at_unit_price ? rawOf(item.compare_at_unit_price, item.raw_compare_at_unit_price) : item.compare_at_unit_price,
    is_tax_inclusive: !!item.is_tax_inclusive,
    metadata: item.metadata ?? {},
    tax_lines: taxLines(item.tax_lines),
    adjustments: adjustments(item.adjustments),
  }
}

/**
 * The order to create from the cart. A cart line the allocation serves from several locations
 * becomes one order line per location: same unit price and tax rates, the quantity of that
 * part, and each adjustment prorated by quantity to whole cents with the remainder on the first
 * part — so the parts add up to the cart line exactly and Medusa's fulfilment, returns and
 * refunds work on ordinary one-location lines. Every allocated line carries its location in
 * `metadata.mendian_allocation`.
 */
export function buildOrderInput(cart: any, allocation: AllocationResult | null) {
  const byLine = new Map((allocation?.lines ?? []).map((l) => [l.line_id, l]))
  const items = (cart.items ?? []).flatMap((item: any) => {
    const base = orderLine(item)
    const parts = byLine.get(item.id)?.parts ?? []
    if (parts.length <= 1) {
      if (!parts.length) return [base]
      const tag: LineAllocationTag = { location_id: parts[0].location_id, cart_line_item_id: item.id, part: 1, parts: 1 }
      if (parts[0].backorder_quantity) tag.backorder_quantity = parts[0].backorder_quantity
      return [{ ...base, metadata: { ...base.metadata, [ALLOCATION_METADATA_KEY]: tag } }]
    }
    const quantities = parts.map((p) => p.quantity)
    const shares = (item.adjustments ?? []).map((a: any) => splitAmount(rawOf(a.amount, a.raw_amount), quantities))
    return parts.map((p, i) => {
      const tag: LineAllocationTag = { location_id: p.location_id, cart_line_item_id: item.id, part: i + 1, parts: parts.length }
      if (p.backorder_quantity) tag.backorder_quantity = p.backorder_quantity
      let k = 0
      return {
        ...base,
        quantity: p.quantity,
        metadata: { ...base.metadata, [ALLOCATION_METADATA_KEY]: tag },
        adjustments: adjustments(item.adjustments, () => shares[k++][i]),
      }
    })
  })

  const shippingMethods = (cart.shipping_methods ?? []).map((sm: any) => ({
    name: sm.name,
    description: sm.description,
    amount: sm.raw_amount ?? sm.amount,
    is_tax_inclusive: sm.is_tax_inclusive,
    shipping_option_id: sm.shipping_option_id,
    data: sm.data,
    metadata: sm.metadata,
    tax_lines: taxLines(sm.tax_lines),
    adjustments: adjustments(sm.adjustments, (a) => a.amount),
  }))
  const promoCodes = [
    ...(cart.items ?? []).flatMap((i: any) => i.adjustments ?? []),
    ...(cart.shipping_methods ?? []).flatMap((s: any) => s.adjustments ?? []),
  ]
    .map((a: any) => a.code)
    .filter(Boolean)
  const address = (a: any) => {
    if (!a) return null
    const { id, ...rest } = a
    return rest
  }
  return {
    region_id: cart.region?.id,
    customer_id: cart.customer?.id,
    sales_channel_id: cart.sales_channel_id,
    status: OrderStatus.PENDING,
    email: cart.email,
    currency_code: cart.currency_code,
    locale: cart.locale,
    shipping_address: address(cart.shipping_address),
    billing_address: address(cart.billing_address),
    no_notification: false,
    items,
    shipping_methods: shippingMethods,
    metadata: cart.metadata,
    promo_codes: promoCodes,
    credit_lines: (cart.credit_lines ?? []).map((c: any) => ({
      amount: c.amount,
      raw_amount: c.raw_amount,
      reference: c.reference,
      reference_id: c.reference_id,
      metadata: c.metadata,
    })),
  }
}

/** Which order line is which allocation part: by the tag each line carries. */
export function tagOf(orderItem: any): LineAllocationTag | null {
  const t = orderItem?.metadata?.[ALLOCATION_METADATA_KEY]
  return t && typeof t === "object" && t.location_id && t.cart_line_item_id ? (t as LineAllocationTag) : null
}
