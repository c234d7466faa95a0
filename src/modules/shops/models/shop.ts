import { model } from "@medusajs/framework/utils"
import Territory from "./territory"
import { SHOP_KINDS, SHOP_STATUSES } from "../../../lib/shop-kinds"
import PosToken from "./pos-token"

/** A physical shop or warehouse of the chain; its stock lives at its own Medusa stock location. */
const Shop = model
  .define("shop", {
    id: model.id({ prefix: "shop" }).primaryKey(),
    code: model.text().searchable(),
    name: model.text().searchable(),
    kind: model.enum([...SHOP_KINDS]).default("standard"),
    status: model.enum([...SHOP_STATUSES]).default("planned"),
    latitude: model.float(),
    longitude: model.float(),
    address: model.text().nullable(),
    city: model.text().searchable(),
    province: model.text().nullable(),
    phone: model.text().nullable(),
    floor_area_m2: model.number().nullable(),
    staff_count: model.number().nullable(),
    // { mon: [{ open: "09:00", close: "21:30" }], … }; close <= open means overnight.
    opening_hours: model.json().nullable(),
    // When goods are accepted (same shape as opening_hours); null = during opening hours.
    receiving_hours: model.json().nullable(),
    // [{ date: "2027-02-06", reason: "春节" }]: whole local business days.
    closures: model.json().nullable(),
    timezone: model.text().default("Asia/Shanghai"),
    // One shop, one stock location: kept as a column so the nearest-shop read path needs no
    // link table, and exposed to Query through a read-only link (src/links/shop-stock-location.ts).
    stock_location_id: model.text(),
    territory: model.belongsTo(() => Territory, { mappedBy: "shops" }).nullable(),
    pos_tokens: model.hasMany(() => PosToken, { mappedBy: "shop" }),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_shop_code_unique", on: ["code"], unique: true, where: "deleted_at IS NULL" },
    {
      name: "IDX_shop_stock_location_id_unique",
      on: ["stock_location_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_shop_lat_lng", on: ["latitude", "longitude"], where: "deleted_at IS NULL" },
    { name: "IDX_shop_city", on: ["city"], where: "deleted_at IS NULL" },
  ])

export default Shop
