import { model } from "@medusajs/framework/utils"

/** One use of an Idempotency-Key: the request's fingerprint and, once done, its response. */
const IdempotencyKey = model
  .define("idempotency_key", {
    id: model.id({ prefix: "idem" }).primaryKey(),
    key: model.text(),
    // "<METHOD> <route pattern>", so one key can't replay the answer of another endpoint.
    scope: model.text(),
    // Who sent it (user, customer, POS token or publishable key); keys are private to their actor.
    actor: model.text(),
    request_hash: model.text(),
    status: model.enum(["in_progress", "completed"]).default("in_progress"),
    response_status: model.number().nullable(),
    response_body: model.json().nullable(),
    expires_at: model.dateTime(),
  })
  .indexes([
    { name: "IDX_idempotency_key_unique", on: ["key", "scope", "actor"], unique: true },
    { name: "IDX_idempotency_key_expires_at", on: ["expires_at"] },
  ])

export default IdempotencyKey
