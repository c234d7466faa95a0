/**
 * In-process half of bench/presale: PresaleGate.admit (the function the reservation calls)
 * against a bare EVALSHA of the same GATE_SCRIPT through ioredis, with the same five keys and six
 * arguments and the same number of calls in flight, in alternating timed rounds. The campaign is
 * primed with a cap no run reaches, so every call admits and runs the whole script (all checks
 * and three INCRBYs with the member limit and channel cap set), as a successful reservation does.
 * Two bare clients: ioredis' defaults, and with enableAutoPipelining as the gate's own client;
 * the ratio is against the faster one. Keys live under a bench-only campaign id, deleted after.
 *
 *   BENCH_PRESALE_OUT=/tmp/gate.json REDIS_URL=redis://localhost:6379 BENCH_GATE_SECONDS=5 BENCH_GATE_ROUNDS=3 BENCH_CONCURRENCY=64 \
 *     npx medusa exec ./bench/presale/gate.ts
 */
import fs from "node:fs"
import Redis from "ioredis"
import type { ExecArgs } from "@medusajs/framework/types"
import { GATE_SCRIPT, gateKeys, PresaleGate, type GateClaim } from "../../src/modules/presale/gate"

const MEMBERS = 2000
const CAP = 1e15

type Runner = (i: number) => Promise<unknown>

async function timed(run: Runner, seconds: number, concurrency: number) {
  const end = Date.now() + seconds * 1000
  let ops = 0
  const started = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) await run(ops++)
    })
  )
  const s = Number(process.hrtime.bigint() - started) / 1e9
  return ops / s
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export default async function gateBench(_: ExecArgs) {
  const url = process.env.REDIS_URL
  const out = process.env.BENCH_PRESALE_OUT
  if (!url || !out) throw new Error("REDIS_URL and BENCH_PRESALE_OUT are required")
  const [seconds, rounds, concurrency] = [Number(process.env.BENCH_GATE_SECONDS ?? 5), Number(process.env.BENCH_GATE_ROUNDS ?? 3), Number(process.env.BENCH_CONCURRENCY ?? 64)]
  const campaign = `bench_gate_${Date.now()}`
  const claim = (i: number): GateClaim => ({
    campaign_id: campaign,
    item_id: "psi_bench",
    quantity: 1,
    cap: CAP,
    member: `cus:bench_${i % MEMBERS}`,
    phone: null,
    channel: "sc_bench",
    member_limit: 1e9,
    phone_limit: null,
    channel_cap: 1e12,
  })
  const gate = new PresaleGate(url)
  await gate.prime(campaign, { sold: { psi_bench: 0 }, uses: [] })
  const plain = new Redis(url)
  const pipelined = new Redis(url, { enableAutoPipelining: true })
  const sha = (await plain.script("LOAD", GATE_SCRIPT)) as string
  // The same keys and arguments admit() sends (keysOf and its argument list).
  const evalsha = (client: Redis) => (i: number) => {
    const c = claim(i)
    return client.evalsha(
      sha,
      5,
      gateKeys.primed(c.campaign_id),
      gateKeys.sold(c.campaign_id, c.item_id),
      gateKeys.use(c.campaign_id, "member", c.member),
      gateKeys.use(c.campaign_id, "phone", ""),
      gateKeys.use(c.campaign_id, "channel", c.channel),
      c.quantity,
      c.cap,
      c.member_limit ?? -1,
      c.phone_limit ?? -1,
      c.channel_cap ?? -1,
      "0"
    )
  }
  const runners: Record<string, Runner> = {
    gate: async (i) => {
      const r = await gate.admit(claim(i))
      if (r !== "admitted") throw new Error(`gate answered ${r}`)
    },
    evalsha_plain: evalsha(plain),
    evalsha_autopipelining: evalsha(pipelined),
  }
  // Warm-up (script cache, connections, JIT).
  for (const run of Object.values(runners)) await timed(run, 1, concurrency)
  const samples: Record<string, number[]> = { gate: [], evalsha_plain: [], evalsha_autopipelining: [] }
  const names = Object.keys(runners)
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length]
      samples[name].push(await timed(runners[name], seconds, concurrency))
    }
    console.error(`[bench presale gate] round ${r + 1}/${rounds}: ${names.map((n) => `${n} ${Math.round(samples[n][r])}`).join(", ")} ops/s`)
  }
  const sold = Number(await plain.get(gateKeys.sold(campaign, "psi_bench")))
  const keys = await plain.keys(`presale:{${campaign}}:*`)
  if (keys.length) await plain.del(...keys)
  await Promise.all([gate.close(), plain.quit(), pipelined.quit()])
  const result = {
    seconds_per_round: seconds,
    rounds,
    concurrency,
    members: MEMBERS,
    ops_per_s: Object.fromEntries(names.map((n) => [n, Math.round(median(samples[n]))])),
    rounds_ops_per_s: samples,
    units_counted: sold,
  }
  fs.writeFileSync(out, JSON.stringify(result))
}
