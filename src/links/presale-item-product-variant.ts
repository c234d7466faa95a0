import { defineLink } from "@medusajs/framework/utils"
import ProductModule from "@medusajs/medusa/product"
import PresaleModule from "../modules/presale"

// Read-only: the item holds variant_id itself, so Query can join it without a link table.
export default defineLink({ linkable: PresaleModule.linkable.presaleItem, field: "variant_id" }, ProductModule.linkable.productVariant, { readOnly: true })
