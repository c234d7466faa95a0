import { errorCode } from "./api-error"
import type { CampaignCancellation } from "./presale-types"

/**
 * A campaign's cancellation in parts: the first call (with the reason), then again while
 * reservations are left and the last call got through some of them (each call cancels up to 500).
 * A repeat answered `409 presale_cancel_running` (the minute job holds the cancellation) keeps
 * the progress: the last answer comes back marked `background`. An error of the first call is thrown.
 */
export async function cancelCampaignInParts(
  call: (body: { reason?: string | null }) => Promise<CampaignCancellation>,
  body: { reason?: string | null },
  maxRepeats = 50
): Promise<CampaignCancellation> {
  let last = await call(body)
  for (let i = 0; i < maxRepeats && !last.complete && last.remaining > last.failures.length; i++) {
    let next: CampaignCancellation
    try {
      next = await call({})
    } catch (e) {
      if (errorCode(e) === "presale_cancel_running") return { ...last, background: true }
      throw e
    }
    const progressed = next.remaining < last.remaining
    last = next
    if (!progressed) break
  }
  return last
}
