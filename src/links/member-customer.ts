import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import MembershipModule from "../modules/membership"

// Read-only: a member holds its customer_id (1:1, unique), so Query joins member → customer
// without a link table.
export default defineLink({ linkable: MembershipModule.linkable.member, field: "customer_id" }, CustomerModule.linkable.customer, { readOnly: true })
