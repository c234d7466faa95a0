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

type Options = {
  /** Refuse requests without a key: for calls a client must never repeat by accident (a sale). */
  required?: boolean
  /**
   * Dotted paths of secrets in the response that must not be kept at rest: the stored copy
   * has them set to null, so a replay says the secret was already shown.
   */
  redact?: string[]
  /**
   * After how long a claim still in progress counts as abandoned by a process that died, so a
   * retry (on another server) takes it over. The default suits slow work; a call that answers
   * in a second (a presale reservation) can let its clients retry much sooner.
   */
  abandonAfterSeconds?: number
}

/** Set on the request when a key's earlier attempt died mid-way: the route may find its work. */
export type IdempotencyContext = { key: string; takeover: boolean }

const redacted = (body: unknown, paths: string[]) => {
  if (!paths.length || !body || typeof body !== "object") return body
  const copy = structuredClone(body) as Record<string, any>
  for (const path of paths) {
    const keys = path.split(".")
    const parent = keys.slice(0, -1).reduce<any>((o, k) => (o && typeof o === "object" ? o[k] : undefined), copy)
    if (parent && typeof parent === "object" && keys[keys.length - 1] in parent) parent[keys[keys.length - 1]] = null
  }
  return copy
}

/**
 * Makes a POST safe to retry. The first request with a key runs and its answer is stored
 * before it is sent, so a client that saw any answer gets the same one again; the same key
 * with another body is a client bug (422); a retry while the first is still running gets 409.
 * Server errors and state conflicts are not stored: retrying them should run again.
 */
export function idempotency({ required = false, redact = [], abandonAfterSeconds }: Options = {}) {
  return async (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    const key = req.get("Idempotency-Key")
    if (!key) {
      if (!required) return next()
      return res.status(400).json({
        type: "invalid_data",
        message: "Idempotency-Key: this request must carry one, so that a retry cannot repeat it",
      })
    }
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
        abandonAfterSeconds,
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

      ;(req as MedusaRequest & { idempotency?: IdempotencyContext }).idempotency = {
        key,
        takeover: outcome.takeover,
      }
      const send = res.json.bind(res)
      res.json = ((body: unknown) => {
        const status = res.statusCode
        const settle =
          status >= 500 || status === 409
            ? service.release(outcome.id)
            : service.complete(outcome.id, status, redacted(body, redact))
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
