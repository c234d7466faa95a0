import { model } from "@medusajs/framework/utils"
import { TRANSFER_STATUSES } from "../../../lib/transfer-state"
import TransferLine from "./transfer-line"
import TransferMovement from "./transfer-movement"

export const TRANSFER_ORIGINS = ["manual", "plan", "allocation", "distribution"] as const

/**
 * A stock transfer from one source location to one or more destinations (a distribution from a
 * DC to many shops is one document with a line per shop × variant, approved line by line).
 */
const Transfer = model
  .define("transfer", {
    id: model.id({ prefix: "tr" }).primaryKey(),
    // "TR-000123": from a PostgreSQL sequence, so numbers never repeat across processes.
    number: model.text(),
    origin: model.enum([...TRANSFER_ORIGINS]).default("manual"),
    status: model.enum([...TRANSFER_STATUSES]).default("draft"),
    source_location_id: model.text(),
    reason: model.text().nullable(),
    note: model.text().nullable(),
    plan_id: model.text().nullable(),
    order_id: model.text().nullable(),
    created_by: model.text().nullable(),
    requested_at: model.dateTime().nullable(),
    approved_at: model.dateTime().nullable(),
    approved_by: model.text().nullable(),
    shipped_at: model.dateTime().nullable(),
    shipped_by: model.text().nullable(),
    received_at: model.dateTime().nullable(),
    closed_at: model.dateTime().nullable(),
    cancelled_at: model.dateTime().nullable(),
    lines: model.hasMany(() => TransferLine, { mappedBy: "transfer" }),
    movements: model.hasMany(() => TransferMovement, { mappedBy: "transfer" }),
    metadata: model.json().nullable(),
  })
  .indexes([
    { name: "IDX_transfer_number", on: ["number"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_transfer_status", on: ["status"], where: "deleted_at IS NULL" },
    { name: "IDX_transfer_source", on: ["source_location_id", "status"], where: "deleted_at IS NULL" },
  ])

export default Transfer
