import Redis from "ioredis"

/**
 * The Redis side of a reservation: one Lua script checks the caller's cap, the per-member,
 * per-phone and per-channel limits and counts the units, atomically, so concurrent requests on
 * any number of server processes are answered in one round trip. PostgreSQL's conditional
 * UPDATE stays the truth (a unit the gate lets through by mistake is refused there); the gate
 * only keeps the database from queueing up everyone who was going to be refused anyway.
 *
 * Keys of a campaign share the hash tag {campaign id}, so a Redis Cluster keeps them together.
 * A campaign is "primed" once its counts were copied from PostgreSQL; until then every call
 * answers NOT_PRIMED and the caller primes first (after a FLUSH, a failover, or on first use).
 */
export const GATE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -9 end
local q = tonumber(ARGV[1])
if tonumber(redis.call('GET', KEYS[2]) or '0') + q > tonumber(ARGV[2]) then return -1 end
local lm, lp, lc = tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5])
if lm >= 0 and tonumber(redis.call('GET', KEYS[3]) or '0') + q > lm then return -2 end
if ARGV[6] == '1' and lp >= 0 and tonumber(redis.call('GET', KEYS[4]) or '0') + q > lp then return -3 end
if lc >= 0 and tonumber(redis.call('GET', KEYS[5]) or '0') + q > lc then return -4 end
redis.call('INCRBY', KEYS[3], q)
if ARGV[6] == '1' then redis.call('INCRBY', KEYS[4], q) end
if lc >= 0 then redis.call('INCRBY', KEYS[5], q) end
return redis.call('INCRBY', KEYS[2], q)
`

// Gives units back; a campaign that is not primed keeps nothing to give back to.
const RELEASE_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local q = tonumber(ARGV[1])
for i = 2, #KEYS do
  local v = tonumber(redis.call('GET', KEYS[i]) or '0')
  redis.call('SET', KEYS[i], math.max(0, v - q))
end
return 1
`

// Copies the database's counts in one step, only if no one primed the campaign meanwhile.
const PRIME_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 2, #KEYS do redis.call('SET', KEYS[i], ARGV[i - 1]) end
redis.call('SET', KEYS[1], '1')
return 1
`

export type GateOutcome = "admitted" | "sold_out" | "member_limit" | "phone_limit" | "channel_cap" | "not_primed"

const OUTCOME: Record<number, GateOutcome> = { [-1]: "sold_out", [-2]: "member_limit", [-3]: "phone_limit", [-4]: "channel_cap", [-9]: "not_primed" }

export type GateClaim = {
  campaign_id: string
  item_id: string
  quantity: number
  cap: number
  member: string
  phone: string | null
  channel: string
  member_limit: number | null
  phone_limit: number | null
  channel_cap: number | null
}

export type GateCounts = { sold: Record<string, number>; uses: { kind: "member" | "phone" | "channel"; subject: string; units: number }[] }

type GateRedis = Redis & {
  presaleGate(...args: (string | number)[]): Promise<number>
  presaleRelease(...args: (string | number)[]): Promise<number>
}

export const gateKeys = {
  primed: (c: string) => `presale:{${c}}:primed`,
  sold: (c: string, item: string) => `presale:{${c}}:sold:${item}`,
  use: (c: string, kind: "member" | "phone" | "channel", subject: string) => `presale:{${c}}:${kind}:${subject}`,
}

export class PresaleGate {
  readonly redis: GateRedis

  constructor(url: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: false, lazyConnect: false }) as GateRedis
    this.redis.defineCommand("presaleGate", { numberOfKeys: 5, lua: GATE_SCRIPT })
    this.redis.defineCommand("presaleRelease", { lua: RELEASE_SCRIPT })
    this.redis.defineCommand("presalePrime", { lua: PRIME_SCRIPT })
  }

  private keysOf(c: GateClaim) {
    return [
      gateKeys.primed(c.campaign_id),
      gateKeys.sold(c.campaign_id, c.item_id),
      gateKeys.use(c.campaign_id, "member", c.member),
      gateKeys.use(c.campaign_id, "phone", c.phone ?? ""),
      gateKeys.use(c.campaign_id, "channel", c.channel),
    ]
  }

  async admit(c: GateClaim): Promise<GateOutcome> {
    const r = await this.redis.presaleGate(
      ...this.keysOf(c),
      c.quantity,
      c.cap,
      c.member_limit ?? -1,
      c.phone_limit ?? -1,
      c.channel_cap ?? -1,
      c.phone ? "1" : "0"
    )
    return r >= 0 ? "admitted" : OUTCOME[r] ?? "sold_out"
  }

  /** Undoes admit() for the same claim: the database refused, or the reservation ended. */
  async release(c: Omit<GateClaim, "cap" | "member_limit" | "phone_limit"> & { channel_cap: number | null }): Promise<void> {
    const [primed, sold, member, phone, channel] = this.keysOf({ ...c, cap: 0, member_limit: null, phone_limit: null })
    // The same keys admit() counted in: the phone only when known, the channel only when capped.
    const keys = [primed, sold, member, ...(c.phone ? [phone] : []), ...(c.channel_cap != null ? [channel] : [])]
    await this.redis.presaleRelease(keys.length, ...keys, c.quantity)
  }

  async prime(campaignId: string, counts: GateCounts): Promise<boolean> {
    const keys = [gateKeys.primed(campaignId)]
    const values: (string | number)[] = []
    for (const [item, sold] of Object.entries(counts.sold)) {
      keys.push(gateKeys.sold(campaignId, item))
      values.push(sold)
    }
    for (const u of counts.uses) {
      keys.push(gateKeys.use(campaignId, u.kind, u.subject))
      values.push(u.units)
    }
    const r = await (this.redis as any).presalePrime(keys.length, ...keys, ...values)
    return r === 1
  }

  /** Forgets a campaign's counts: the next call primes again from the database. */
  async unprime(campaignId: string): Promise<void> {
    await this.redis.del(gateKeys.primed(campaignId))
  }

  /** What Redis holds for a campaign (reconciliation), null when it is not primed. */
  async read(campaignId: string): Promise<Map<string, number> | null> {
    if (!(await this.redis.exists(gateKeys.primed(campaignId)))) return null
    const out = new Map<string, number>()
    let cursor = "0"
    do {
      const [next, keys] = await this.redis.scan(cursor, "MATCH", `presale:{${campaignId}}:*`, "COUNT", 1000)
      cursor = next
      const keep = keys.filter((k) => !k.endsWith(":primed"))
      if (keep.length) {
        const values = await this.redis.mget(...keep)
        keep.forEach((k, i) => out.set(k, Number(values[i] ?? 0)))
      }
    } while (cursor !== "0")
    return out
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect())
  }
}
