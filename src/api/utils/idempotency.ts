import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { IDEMPOTENCY_MODULE } from "../../modules/idempotency"
import type IdempotencyModuleService from "../../modules/idempotency/service"
import { stableHash } from "./stable-hash"

const MAX_KEY_LENGTH = 255

/** Whoever sent the request: keys are private to their sender. */
export const actorOf = (req: MedusaRequest): string => {
  const r = req as any
  if (r.pos?.token_id) return `pos:${r.pos.token_id}`
  if (r.auth_context?.actor_id) return `${r.auth_context.actor_type}:${r.auth_context.actor_id}`
  if (r.publishable_key_context?.key) return `pk:${r.publishable_key_context.key}`
  return "anonymous"
}

/**
 * Makes a POST safe to retry. The first request with a key runs and its answer is stored
 * before it is sent, so a client that saw any answer gets the same one again; the same key
 * with another body is a client bug (422); a retry while the first is still running gets 409.
 * Server errors and state conflicts are not stored: retrying them should run again.
 */
export function idempotency() {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const key = req.get("Idempotency-Key")
    if (!key) return next()
    if (key.length > MAX_KEY_LENGTH) {
      return res.status(400).json({
        type: "invalid_data",
        message: `Idempotency-Key: at most ${MAX_KEY_LENGTH} characters`,
      })
    }
    try {
      const service = req.scope.resolve<IdempotencyModuleService>(IDEMPOTENCY_MODULE)
      const outcome = await service.claim({
        key,
        scope: `${req.method} ${req.baseUrl}${req.path}`,
        actor: actorOf(req),
        requestHash: stableHash(req.body),
      })
      switch (outcome.kind) {
        case "mismatch":
          return res.status(422).json({
            type: "invalid_data",
            code: "idempotency_key_reused",
            message: "This Idempotency-Key was used with a different request body.",
          })
        case "in_progress":
          return res.status(409).json({
            type: "conflict",
            code: "idempotency_in_progress",
            message: "A request with this Idempotency-Key is still being processed; retry later.",
          })
        case "replay":
          res.setHeader("Idempotent-Replayed", "true")
          return res.status(outcome.status).json(outcome.body)
      }

      const send = res.json.bind(res)
      res.json = ((body: unknown) => {
        const status = res.statusCode
        const settle =
          status >= 500 || status === 409
            ? service.release(outcome.id)
            : service.complete(outcome.id, status, body)
        settle.then(
          () => send(body),
          () => send(body)
        )
        return res
      }) as typeof res.json
      next()
    } catch (e) {
      next(e)
    }
  }
}
