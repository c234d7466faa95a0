import { model } from "@medusajs/framework/utils"

/** The programme's settings (one row, id "default"): downgrades, return windows, expiry, redemption. */
const MemberProgram = model.define("member_program", {
  id: model.text().primaryKey(),
  downgrade_policy: model.enum(["one_step", "recompute"]).default("one_step"),
  grace_days: model.number().default(0),
  // { [sales_channel_id]: days }, with "default" for the rest.
  return_window_days: model.json(),
  // { kind: "end_of_year_after_next" } | { kind: "days", days } | { kind: "never" }
  expiry: model.json(),
  redeem_points_per_yuan: model.number().default(100),
  redeem_block: model.number().default(100),
  redeem_max_share: model.float().default(0.5),
  consent_version: model.text().default("1"),
})

export default MemberProgram
