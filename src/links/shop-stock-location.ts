import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import ShopsModule from "../modules/shops"

// Read-only: the shop row holds stock_location_id itself (one location per shop).
export default defineLink(
  { linkable: ShopsModule.linkable.shop, field: "stock_location_id" },
  StockLocationModule.linkable.stockLocation,
  { readOnly: true }
)
