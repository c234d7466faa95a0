import type { ExecArgs } from "@medusajs/framework/types"
import { presaleOf, reconcileCampaign } from "../workflows/presale"

/**
 * npm run presale:reconcile [-- --fix] [-- <campaign id>]: every campaign's counters against its
 * reservations and the Redis gate; exits 1 on any oversell or disagreement left unfixed.
 */
export default async function presaleReconcile({ container, args }: ExecArgs) {
  // medusa exec refuses unknown --options, so package.json passes ours after a "--".
  const dash = process.argv.indexOf("--")
  const words = [...(args ?? []), ...(dash >= 0 ? process.argv.slice(dash + 1) : [])]
  const fix = words.includes("--fix")
  const ids = [...new Set(words.filter((a) => a.startsWith("psc_")))]
  const campaigns = ids.length ? ids.map((id) => ({ id })) : await presaleOf(container).listPresaleCampaigns({}, { select: ["id"], take: null as any })
  let bad = 0
  for (const c of campaigns as any[]) {
    const report = await reconcileCampaign(container, c.id, fix)
    const wrong = report.oversold > 0 || report.disagreements.some((d) => d.source === "reservations") || (report.gate === "disagrees" && !report.fixed)
    if (wrong) bad++
    console.log(JSON.stringify(report))
  }
  console.log(`${campaigns.length} presales checked, ${bad} with problems${fix ? " (gate re-primed where it disagreed)" : ""}`)
  if (bad) process.exitCode = 1
}
