import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createCustomersWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { createPosOrderWorkflow, POS_PAYMENT_METHODS } from "../workflows/pos/create-pos-order"
import { createRng } from "./demo-chain"

type Shop = { id: string; code: string; stock_location_id: string }

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"]
const GIVEN = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "杰", "娟", "涛", "明", "超", "霞", "平"]

/** Variants a location has at least `min` of, so a demo sale never fails for stock. */
async function stockedVariants(container: MedusaContainer, locationId: string, min: number) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "inventory_level",
    fields: ["stocked_quantity", "reserved_quantity", "inventory_item.variants.id"],
    filters: { location_id: locationId },
  })
  return data
    .filter((l: any) => l.stocked_quantity - l.reserved_quantity >= min && l.inventory_item?.variants?.length)
    .map((l: any) => l.inventory_item.variants[0].id as string)
}

async function pickupOptionOf(container: MedusaContainer, locationId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: [location] } = await query.graph({
    entity: "stock_location",
    fields: ["fulfillment_sets.type", "fulfillment_sets.service_zones.shipping_options.id"],
    filters: { id: locationId },
  })
  return (location?.fulfillment_sets ?? [])
    .filter((f: any) => f?.type === "pickup")
    .flatMap((f: any) => f.service_zones.flatMap((z: any) => z.shipping_options.map((o: any) => o.id)))[0] as string | undefined
}

/**
 * Sales so the admin is not empty: till sales through the same workflow as POST /pos/orders, and
 * online orders collected at a shop, placed the way a storefront places them (cart, pickup
 * option, payment session, complete). Tops up to `target` orders, so a rerun adds none.
 */
export async function seedDemoOrders(
  container: MedusaContainer,
  opts: { target: number; shops: Shop[]; onlineChannelId: string; regionId: string; log: (m: string) => void }
) {
  const orders = container.resolve(Modules.ORDER)
  const [, existing] = await orders.listAndCountOrders({}, { take: 1 })
  const missing = opts.target - existing
  if (missing <= 0) return
  const rng = createRng(20261124 + existing)

  const customers = container.resolve(Modules.CUSTOMER)
  let [, customerCount] = await customers.listAndCountCustomers({}, { take: 1 })
  if (customerCount < 40) {
    await createCustomersWorkflow(container).run({
      input: {
        customersData: Array.from({ length: 40 - customerCount }, (_, i) => {
          const n = customerCount + i + 1
          return {
            first_name: rng.pick(GIVEN) + rng.pick(GIVEN),
            last_name: rng.pick(SURNAMES),
            email: `member${String(n).padStart(3, "0")}@example.cn`,
            phone: `1${rng.pick(["38", "39", "58", "86", "88"])}${String(rng.int(10_000_000, 99_999_999))}`,
          }
        }),
      },
    })
  }
  const buyers = await customers.listCustomers({}, { select: ["id", "email"], take: 40 })

  const stockCache = new Map<string, string[]>()
  const variantsAt = async (shop: Shop) => {
    if (!stockCache.has(shop.id)) stockCache.set(shop.id, await stockedVariants(container, shop.stock_location_id, 5))
    return stockCache.get(shop.id)!
  }
  const basket = async (shop: Shop) => {
    const variants = await variantsAt(shop)
    if (!variants.length) return null
    const lines = rng.int(1, 3)
    const picked = new Set(Array.from({ length: lines }, () => rng.pick(variants)))
    return [...picked].map((variant_id) => ({ variant_id, quantity: rng.int(1, 2) }))
  }

  let placed = 0
  for (let attempt = 0; placed < missing && attempt < missing * 3; attempt++) {
    const shop = rng.pick(opts.shops)
    const items = await basket(shop)
    if (!items) continue
    const buyer = rng.chance(0.5) ? rng.pick(buyers) : null
    if (rng.chance(0.7)) {
      await createPosOrderWorkflow(container).run({
        input: {
          shop_id: shop.id,
          pos_token_id: "demo-seed",
          payment_method: rng.pick([...POS_PAYMENT_METHODS]),
          items,
          ...(buyer ? { customer_id: buyer.id, email: buyer.email } : {}),
        },
      })
    } else {
      const optionId = await pickupOptionOf(container, shop.stock_location_id)
      if (!optionId) continue
      const customer = buyer ?? rng.pick(buyers)
      const { result: cart } = await createCartWorkflow(container).run({
        input: {
          region_id: opts.regionId,
          sales_channel_id: opts.onlineChannelId,
          currency_code: "cny",
          customer_id: customer.id,
          email: customer.email,
          items,
          metadata: { channel: "online", pickup_shop_code: shop.code },
        },
      })
      await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cart.id, options: [{ id: optionId }] } })
      const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
      await createPaymentSessionsWorkflow(container).run({
        input: { payment_collection_id: collection.id, provider_id: "pp_system_default" },
      })
      await completeCartWorkflow(container).run({ input: { id: cart.id } })
    }
    // Stock moved: look again next time this shop sells.
    stockCache.delete(shop.id)
    placed++
    if (placed % 20 === 0 || placed === missing) opts.log(`orders ${placed}/${missing}`)
  }
}
