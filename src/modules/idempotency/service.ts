import { generateEntityId, MedusaService } from "@medusajs/framework/utils"
import IdempotencyKey from "./models/idempotency-key"

type Options = { ttl_hours?: number }

// A claim still "in progress" this long after it was taken belongs to a process that died
// mid-request; the client's retry may take it over (a route may choose a shorter time).
const ABANDONED_AFTER_SECONDS = 300

type Claim = { key: string; scope: string; actor: string; requestHash: string; abandonAfterSeconds?: number }

export type ClaimOutcome =
  | { kind: "claimed"; id: string; takeover: boolean }
  | { kind: "replay"; status: number; body: unknown }
  | { kind: "mismatch" }
  | { kind: "in_progress" }

type Row = {
  id: string
  takeover?: boolean
  request_hash: string
  status: "in_progress" | "completed"
  response_status: number | null
  response_body: unknown
}

type Manager = { execute: (sql: string, params?: unknown[]) => Promise<Row[]> }

class IdempotencyModuleService extends MedusaService({ IdempotencyKey }) {
  protected readonly manager_: Manager
  protected readonly ttlHours_: number

  constructor(container: { manager: Manager }, options: Options = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.manager_ = container.manager
    this.ttlHours_ = options.ttl_hours ?? 24
  }

  /**
   * Claims a key in one statement, so two concurrent requests can't both win: the insert
   * takes an unused or expired key; otherwise the existing row tells what to answer.
   */
  async claim({ key, scope, actor, requestHash, abandonAfterSeconds = ABANDONED_AFTER_SECONDS }: Claim): Promise<ClaimOutcome> {
    const id = generateEntityId(undefined, "idem")
    const [claimed] = await this.manager_.execute(
      `INSERT INTO idempotency_key (id, key, scope, actor, request_hash, status, expires_at)
       VALUES (?, ?, ?, ?, ?, 'in_progress', now() + make_interval(hours => ?))
       ON CONFLICT (key, scope, actor) WHERE deleted_at IS NULL DO UPDATE
         SET id = excluded.id, request_hash = excluded.request_hash, status = 'in_progress',
             response_status = NULL, response_body = NULL, expires_at = excluded.expires_at,
             created_at = now(), updated_at = now()
         WHERE idempotency_key.expires_at < now()
            OR (idempotency_key.status = 'in_progress'
                AND idempotency_key.updated_at < now() - make_interval(secs => ?))
       RETURNING id, (xmax <> 0) AS takeover`,
      [id, key, scope, actor, requestHash, this.ttlHours_, abandonAfterSeconds]
    )
    // xmax is set when the row was updated rather than inserted: an expired or abandoned claim
    // taken over. Only the abandoned case matters to callers, and they can't tell them apart
    // cheaply, so both are reported.
    if (claimed) return { kind: "claimed", id: claimed.id, takeover: !!claimed.takeover }

    const [existing] = await this.manager_.execute(
      `SELECT id, request_hash, status, response_status, response_body
         FROM idempotency_key WHERE key = ? AND scope = ? AND actor = ?`,
      [key, scope, actor]
    )
    // Released between our insert and this read: the caller may simply retry.
    if (!existing) return { kind: "in_progress" }
    if (existing.request_hash !== requestHash) return { kind: "mismatch" }
    if (existing.status === "in_progress") return { kind: "in_progress" }
    return { kind: "replay", status: existing.response_status!, body: existing.response_body }
  }

  async complete(id: string, status: number, body: unknown): Promise<void> {
    await this.manager_.execute(
      `UPDATE idempotency_key SET status = 'completed', response_status = ?, response_body = ?::jsonb,
         updated_at = now() WHERE id = ?`,
      [status, JSON.stringify(body ?? null), id]
    )
  }

  /** Forgets a claim whose request failed unexpectedly, so the client's retry runs again. */
  async release(id: string): Promise<void> {
    await this.manager_.execute(`DELETE FROM idempotency_key WHERE id = ?`, [id])
  }

  async purgeExpired(): Promise<number> {
    const rows = await this.manager_.execute(
      `DELETE FROM idempotency_key WHERE expires_at < now() RETURNING id`
    )
    return rows.length
  }
}

export default IdempotencyModuleService
