import { z } from "@medusajs/framework/zod"

export const StorePickupShop = z.object({ shop_id: z.string().min(1) }).strict()
export type StorePickupShopType = z.infer<typeof StorePickupShop>
