import { model } from "@medusajs/framework/utils"
import Shop from "./shop"

/** A node of the chain's HQ → region → district tree. */
const Territory = model
  .define("territory", {
    id: model.id({ prefix: "terr" }).primaryKey(),
    code: model.text().searchable(),
    name: model.text().searchable(),
    level: model.enum(["hq", "region", "district"]),
    parent: model
      .belongsTo(() => Territory, { mappedBy: "children" })
      .nullable(),
    children: model.hasMany(() => Territory, { mappedBy: "parent" }),
    shops: model.hasMany(() => Shop, { mappedBy: "territory" }),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_territory_code_unique", on: ["code"], unique: true, where: "deleted_at IS NULL" },
  ])

export default Territory
