import { defineLink } from "@medusajs/framework/utils"
import StockLocationModule from "@medusajs/medusa/stock-location"
import ReplenishmentModule from "../modules/replenishment"

// Read-only: the row holds location_id itself, so Query can join it without a link table.
export default defineLink(
  { linkable: ReplenishmentModule.linkable.demandSeries, field: "location_id" },
  StockLocationModule.linkable.stockLocation,
  { readOnly: true }
)
