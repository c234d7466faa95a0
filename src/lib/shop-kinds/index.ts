/** What a shop is and where it stands in its life; one list for the model, the API and imports. */
export const SHOP_KINDS = ["flagship", "standard", "mini", "warehouse"] as const
export type ShopKind = (typeof SHOP_KINDS)[number]

export const SHOP_STATUSES = ["open", "closed", "planned"] as const
export type ShopStatus = (typeof SHOP_STATUSES)[number]
