import { defineLink } from "@medusajs/framework/utils"
import UserModule from "@medusajs/medusa/user"
import ShopsModule from "../modules/shops"

// A territory's managers are admin users; a user may manage several territories.
export default defineLink(
  { linkable: ShopsModule.linkable.territory, isList: true },
  { linkable: UserModule.linkable.user, isList: true }
)
