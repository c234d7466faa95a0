import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import PresaleModule from "../modules/presale"

// Read-only: the reservation holds order_id itself.
export default defineLink({ linkable: PresaleModule.linkable.presaleReservation, field: "order_id" }, OrderModule.linkable.order, { readOnly: true })
