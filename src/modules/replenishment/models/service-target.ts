import { model } from "@medusajs/framework/utils"

export const TARGET_TYPES = ["cycle", "fill_rate"] as const
export const ABC_CLASSES = ["A", "B", "C"] as const
export const XYZ_CLASSES = ["X", "Y", "Z"] as const

/**
 * A service-level target for the series of a territory (its shops and those of its
 * sub-territories) and/or of a product category (its products and those of its
 * sub-categories), optionally only for one ABC and/or XYZ class. The run picks, per series:
 * the policy's override > category (+ territory) target > territory target > ABC–XYZ default
 * (src/lib/replenishment-signals/service-targets.ts).
 */
const ServiceTarget = model
  .define("service_target", {
    id: model.id({ prefix: "svct" }).primaryKey(),
    territory_id: model.text().nullable(),
    category_id: model.text().nullable(),
    abc_class: model.enum([...ABC_CLASSES]).nullable(),
    xyz_class: model.enum([...XYZ_CLASSES]).nullable(),
    level: model.float(),
    type: model.enum([...TARGET_TYPES]).default("cycle"),
    // territory|category|abc|xyz with "*" for none: one target per scope and class filter.
    scope_key: model.text(),
    created_by: model.text().nullable(),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_service_target_scope_key", on: ["scope_key"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_service_target_territory_id", on: ["territory_id"], where: "deleted_at IS NULL" },
    { name: "IDX_service_target_category_id", on: ["category_id"], where: "deleted_at IS NULL" },
  ])

export const serviceTargetScopeKey = (t: { territory_id?: string | null; category_id?: string | null; abc_class?: string | null; xyz_class?: string | null }) =>
  [t.territory_id || "*", t.category_id || "*", t.abc_class || "*", t.xyz_class || "*"].join("|")

export default ServiceTarget
