import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MEMBERSHIP_MODULE } from "../modules/membership"
import type MembershipModuleService from "../modules/membership/service"
import { createTierWorkflow } from "../workflows/membership"
import { DEMO_TIERS } from "./demo-membership"
import { copyInto, copyLine, inTransaction, type PgClient } from "./scale/copy"
import { entriesFor, SCALE_EMAIL_PATTERN, scaleEmail, simulateMember, type ScaleChannel, type ScaleContext } from "./scale/members"
import { Progress } from "./scale/progress"
import { entityIdFactory } from "./scale/ulid"

/**
 * The points-ledger benchmark's scale (issue 5 §6):
 *
 *   npm run seed:members-scale -- --members 100000 --entries 5000000 [--accounts 200] [--chunk 1000]
 *
 * On a database with the demo chain (`DEMO_SIZE=small npm run seed` is enough: shops with their
 * POS channels, the catalogue, the tier ladder with customer groups, the earn rules), adds
 * `--members` Medusa customers, each a member with a phone identity, a simulated ledger history
 * (src/scripts/scale/members.ts: earn pending/available, redeem with points_take, reverse,
 * adjust, expire) whose balances equal the ledger sums, the tier its last 12 months qualify for
 * (with its tier history and customer-group membership), `--entries` ledger entries in all.
 *
 * Customers, members, identities, tier changes, group memberships, entries and takes are
 * bulk-loaded with COPY, as the shops scale seed loads inventory levels — benchmark data only,
 * rows shaped as the modules write them. The first `--accounts` customers also get an emailpass
 * login (through the auth module; password BENCH_PASSWORD) so a benchmark can sign in as them.
 *
 * Resumable: members are committed per chunk; a chunk whose customers exist is skipped, so a
 * rerun carries on after a crash. Ends with the reconcile, which must find no drift.
 */

export const BENCH_PASSWORD = "mendian-bench-1"

type Opts = { members: number; entries: number; accounts: number; chunk: number; seed: number }
const DEFAULTS: Opts = { members: 100_000, entries: 5_000_000, accounts: 200, chunk: 1000, seed: 871 }

type Knex = { client: { acquireConnection(): Promise<PgClient>; releaseConnection(c: PgClient): Promise<void> } }

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null)
const raw = (n: number) => `{"value":"${n}","precision":20}`

export function parseMembersArgs(args: string[] = [], argv: string[] = []): Opts {
  const dash = argv.indexOf("--")
  const words = [...args, ...(dash >= 0 ? argv.slice(dash + 1) : [])]
  const out = { ...DEFAULTS }
  for (let i = 0; i < words.length; i++) {
    const m = /^(?:--)?([a-z-]+)(?:=(.*))?$/.exec(words[i])
    if (!m) throw new Error(`unexpected argument "${words[i]}"`)
    const key = m[1] as keyof Opts
    if (!(key in DEFAULTS)) throw new Error(`unknown option --${m[1]} (known: ${Object.keys(DEFAULTS).join(", ")})`)
    const value = Number(m[2] ?? words[++i])
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${key} must be a whole number`)
    out[key] = value
  }
  if (out.members < 1 || out.chunk < 1) throw new Error("--members and --chunk must be at least 1")
  if (out.entries < out.members) throw new Error("--entries must be at least --members (every member earns once)")
  return out
}

export default async function seedMembersScale({ container, args }: ExecArgs) {
  const started = Date.now()
  const opts = parseMembersArgs(args, process.argv)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const log = (msg: string) => logger.info(`[seed:members-scale] ${msg}`)
  log(`target: ${opts.members.toLocaleString("en-US")} members, ${opts.entries.toLocaleString("en-US")} ledger entries, ${opts.accounts} with a login`)

  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
  const pg = await knex.client.acquireConnection()
  const { rows: [lock] } = await pg.query("SELECT pg_try_advisory_lock(hashtext('mendian:seed-members-scale')) AS ok")
  if (!lock.ok) {
    await knex.client.releaseConnection(pg)
    throw new Error("another seed:members-scale is running against this database")
  }
  try {
    const ctx = await context(container, pg, opts)
    const loaded = await loadMembers(pg, opts, ctx, log)
    if (loaded) {
      const t = Date.now()
      await pg.query("VACUUM (ANALYZE) points_entry")
      await pg.query("ANALYZE customer, member, member_identity, member_tier_change, customer_group_customer, points_take")
      log(`vacuum + analyze in ${((Date.now() - t) / 1000).toFixed(1)} s`)
    }
    await loadAccounts(container, pg, opts, log)
    const t = Date.now()
    const { checked, entries, drift } = await container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE).reconcile()
    log(`reconcile: ${checked.toLocaleString("en-US")} members, ${entries.toLocaleString("en-US")} entries, ${drift.length} drift(s) in ${((Date.now() - t) / 1000).toFixed(1)} s`)
    if (drift.length) throw new Error(`the loaded ledger drifts for ${drift.length} members, e.g. ${JSON.stringify(drift[0])}`)
    const { rows: [size] } = await pg.query("SELECT pg_size_pretty(pg_database_size(current_database())) AS db, pg_size_pretty(pg_total_relation_size('points_entry')) AS entries")
    log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; database ${size.db} (points_entry with its indexes ${size.entries})`)
  } finally {
    await pg.query("SELECT pg_advisory_unlock(hashtext('mendian:seed-members-scale'))").catch(() => {})
    await knex.client.releaseConnection(pg)
  }
}

/** The ladder (the demo's, created if missing) and where orders happen (online + every shop's POS channel). */
async function context(container: MedusaContainer, pg: PgClient, opts: Opts): Promise<ScaleContext> {
  const membership = container.resolve<MembershipModuleService>(MEMBERSHIP_MODULE)
  if (!(await membership.listMemberTiers({}, { take: 1 })).length) {
    for (const tier of DEMO_TIERS) await createTierWorkflow(container).run({ input: tier })
  }
  const tiers = (await membership.listMemberTiers({}, { order: { rank: "ASC" }, take: null })).map((t: any) => ({
    id: t.id,
    rank: Number(t.rank),
    qualify_spend: t.qualify_spend == null ? null : Number(t.qualify_spend),
    qualify_points: t.qualify_points == null ? null : Number(t.qualify_points),
    customer_group_id: t.customer_group_id ?? null,
  }))
  const channels: ScaleChannel[] = []
  const [online] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: "Online 线上商城" })
  if (online) channels.push({ sales_channel_id: online.id, shop_id: null, via: "web" }, { sales_channel_id: online.id, shop_id: null, via: "mini_program" })
  const { rows: pos } = await pg.query(
    `SELECT s.id AS shop_id, c.id AS sales_channel_id FROM shop s
       JOIN sales_channel c ON c.metadata->>'shop_code' = s.code AND c.metadata->>'channel' = 'pos' AND c.deleted_at IS NULL
      WHERE s.deleted_at IS NULL ORDER BY s.code`
  )
  for (const p of pos) channels.push({ sales_channel_id: p.sales_channel_id, shop_id: p.shop_id, via: "pos" })
  if (!channels.length) channels.push({ sales_channel_id: null, shop_id: null, via: "web" })
  return { seed: opts.seed, now: new Date(), tiers, channels }
}

const CUSTOMER_COLS = ["id", "email", "first_name", "last_name", "phone", "has_account", "created_at", "updated_at"]
const MEMBER_COLS = ["id", "customer_id", "status", "tier_id", "tier_since", "joined_at", "joined_via", "joined_shop_id", "points_available", "points_pending", "points_held", "created_at", "updated_at"]
const IDENTITY_COLS = ["id", "member_id", "kind", "app_id", "value", "verified_at", "verified_by", "created_at", "updated_at"]
const CONSENT_COLS = ["id", "member_id", "kind", "version", "granted", "channel", "created_at", "updated_at"]
const TIER_CHANGE_COLS = ["id", "member_id", "from_tier_id", "to_tier_id", "reason", "spend_12m", "raw_spend_12m", "points_12m", "actor", "created_at", "updated_at"]
const GROUP_COLS = ["id", "customer_id", "customer_group_id", "created_at", "updated_at"]
const ENTRY_COLS = [
  "id", "member_id", "kind", "status", "points", "remaining", "amount", "raw_amount", "source_type", "source_id", "related_entry_id", "order_id",
  "sales_channel_id", "shop_id", "actor", "reason", "available_at", "expires_at", "created_at", "updated_at",
]
const TAKE_COLS = ["id", "entry_id", "lot_id", "points", "created_at", "updated_at"]

async function loadMembers(pg: PgClient, opts: Opts, ctx: ScaleContext, log: (m: string) => void): Promise<boolean> {
  const { rows } = await pg.query("SELECT email FROM customer WHERE email LIKE $1 AND deleted_at IS NULL", [SCALE_EMAIL_PATTERN])
  const have = new Set<number>(rows.map((r: any) => Number(/^scale-member-(\d+)@/.exec(r.email)?.[1])))
  const chunks: number[][] = []
  for (let from = 0; from < opts.members; from += opts.chunk) {
    const idx = Array.from({ length: Math.min(opts.chunk, opts.members - from) }, (_, i) => from + i)
    // A chunk commits whole, so one of its customers present means all of them are.
    if (!have.has(idx[0])) chunks.push(idx)
  }
  const toLoad = chunks.reduce((n, c) => n + c.length, 0)
  log(`members: ${have.size.toLocaleString("en-US")} exist, ${toLoad.toLocaleString("en-US")} to load`)
  if (!toLoad) return false
  const id = entityIdFactory()
  const lowest = ctx.tiers[0]
  const progress = new Progress("members", toLoad, "members")
  let entryCount = 0
  for (const chunk of chunks) {
    const customers: string[] = []
    const members: string[] = []
    const identities: string[] = []
    const consents: string[] = []
    const changes: string[] = []
    const groups: string[] = []
    const entries: string[] = []
    const takes: string[] = []
    const now = iso(ctx.now)
    for (const i of chunk) {
      const m = simulateMember(i, entriesFor(i, opts.members, opts.entries, opts.seed), ctx, id)
      const customerId = id("cus")
      const memberId = id("mem")
      const joined = iso(m.joined_at)
      customers.push(copyLine([customerId, m.email, m.first_name, m.last_name, m.phone, i < opts.accounts, joined, now]))
      const upgraded = m.tier_id !== lowest.id
      // Upgraded when the window first qualified: shown as a month ago (or at joining for newer members).
      const tierSince = upgraded ? new Date(Math.max(m.joined_at.getTime(), ctx.now.getTime() - 30 * 86_400_000)) : m.joined_at
      members.push(copyLine([memberId, customerId, "active", m.tier_id, iso(tierSince), joined, m.joined_via, m.joined_shop_id, m.points_available, m.points_pending, 0, joined, now]))
      identities.push(copyLine([id("mid"), memberId, "phone", "", m.phone, joined, "sms_code", joined, joined]))
      consents.push(copyLine([id("mcst"), memberId, "privacy", "2026-11", true, m.joined_via, joined, joined]))
      changes.push(copyLine([id("mtch"), memberId, null, lowest.id, "join", null, null, null, m.joined_via, joined, joined]))
      if (upgraded) {
        changes.push(copyLine([id("mtch"), memberId, lowest.id, m.tier_id, "upgrade", m.spend_12m, raw(m.spend_12m), m.points_12m, "system", iso(tierSince), iso(tierSince)]))
      }
      if (m.customer_group_id) groups.push(copyLine([id("cusgc"), customerId, m.customer_group_id, iso(tierSince), iso(tierSince)]))
      for (const e of m.entries) {
        entries.push(
          copyLine([
            e.id, memberId, e.kind, e.status, e.points, e.remaining, e.amount, raw(e.amount), e.source_type, e.source_id, e.related_entry_id, e.order_id,
            e.sales_channel_id, e.shop_id, e.actor, e.reason, iso(e.available_at), iso(e.expires_at), iso(e.created_at), iso(e.updated_at),
          ])
        )
      }
      for (const t of m.takes) takes.push(copyLine([t.id, t.entry_id, t.lot_id, t.points, iso(t.created_at), iso(t.created_at)]))
      entryCount += m.entries.length
    }
    await inTransaction(pg, async () => {
      await copyInto(pg, "customer", CUSTOMER_COLS, [customers.join("")])
      await copyInto(pg, "member", MEMBER_COLS, [members.join("")])
      await copyInto(pg, "member_identity", IDENTITY_COLS, [identities.join("")])
      await copyInto(pg, "member_consent", CONSENT_COLS, [consents.join("")])
      await copyInto(pg, "member_tier_change", TIER_CHANGE_COLS, [changes.join("")])
      if (groups.length) await copyInto(pg, "customer_group_customer", GROUP_COLS, [groups.join("")])
      await copyInto(pg, "points_entry", ENTRY_COLS, batches(entries))
      if (takes.length) await copyInto(pg, "points_take", TAKE_COLS, batches(takes))
    })
    progress.add(chunk.length)
  }
  progress.finish()
  log(`${entryCount.toLocaleString("en-US")} ledger entries loaded`)
  return true
}

/** COPY text in pieces of a few thousand lines, so the stream keeps its backpressure. */
function* batches(lines: string[], size = 5000) {
  for (let i = 0; i < lines.length; i += size) yield lines.slice(i, i + size).join("")
}

/**
 * An emailpass login for the first `accounts` scale customers, through the auth module (one
 * scrypt hash of BENCH_PASSWORD shared by all, as the emailpass provider would store it), with
 * app_metadata.customer_id as Medusa's customer registration sets it.
 */
async function loadAccounts(container: MedusaContainer, pg: PgClient, opts: Opts, log: (m: string) => void) {
  const n = Math.min(opts.accounts, opts.members)
  if (!n) return
  const emails = Array.from({ length: n }, (_, i) => scaleEmail(i))
  const { rows: have } = await pg.query("SELECT entity_id FROM provider_identity WHERE provider = 'emailpass' AND entity_id = ANY($1) AND deleted_at IS NULL", [emails])
  const taken = new Set(have.map((r: any) => r.entity_id))
  const { rows: customers } = await pg.query("SELECT id, email FROM customer WHERE email = ANY($1) AND has_account AND deleted_at IS NULL", [emails.filter((e) => !taken.has(e))])
  if (!customers.length) {
    log(`logins: ${taken.size} exist`)
    return
  }
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const scrypt = require("scrypt-kdf")
  const hash = (await scrypt.kdf(BENCH_PASSWORD, { logN: 15, r: 8, p: 1 })).toString("base64")
  const auth = container.resolve(Modules.AUTH)
  await auth.createAuthIdentities(
    customers.map((c: any) => ({
      provider_identities: [{ provider: "emailpass", entity_id: c.email, provider_metadata: { password: hash } }],
      app_metadata: { customer_id: c.id },
    })) as any
  )
  log(`logins: ${customers.length} created (${taken.size} existed), password ${BENCH_PASSWORD}`)
}
