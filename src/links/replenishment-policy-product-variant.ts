import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import ReplenishmentModule from "../modules/replenishment"

// Read-only: the row holds variant_id itself, so Query can join it without a link table.
export default defineLink(
  { linkable: ReplenishmentModule.linkable.stockPolicy, field: "variant_id" },
  ProductModule.linkable.productVariant,
  { readOnly: true }
)
