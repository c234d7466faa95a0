import { ApiError } from "../api-error"
import { cancelCampaignInParts } from "../presale-cancel-parts"
import type { CampaignCancellation } from "../presale-types"

const answer = (remaining: number, extra: Partial<CampaignCancellation> = {}): CampaignCancellation => ({
  presale_id: "psc_1",
  status: "canceled",
  canceled_from: "active",
  reason: "supplier",
  canceled_at: "2026-11-24T00:00:00.000Z",
  complete: remaining === 0,
  canceled: 1000 - remaining,
  refunded_amount: 0,
  skipped_converted: 0,
  remaining,
  waitlist_closed: 0,
  failures: [],
  ...extra,
})

describe("canceling a campaign in parts", () => {
  it("repeats while it progresses, the reason only on the first call", async () => {
    const bodies: unknown[] = []
    const answers = [answer(1000), answer(500), answer(0)]
    const result = await cancelCampaignInParts(async (b) => (bodies.push(b), answers.shift()!), { reason: "supplier" })
    expect(result).toMatchObject({ complete: true, remaining: 0 })
    expect(bodies).toEqual([{ reason: "supplier" }, {}, {}])
  })

  it("keeps the progress when the minute job holds the cancellation: the last answer, marked background", async () => {
    let n = 0
    const result = await cancelCampaignInParts(async () => {
      n++
      if (n === 1) return answer(800)
      if (n === 2) return answer(300)
      throw new ApiError("A cancellation of this presale is running; try again in a moment", 409, "conflict", "presale_cancel_running")
    }, {})
    expect(result).toMatchObject({ remaining: 300, complete: false, background: true })
    expect(n).toBe(3)
  })

  it("throws any other error, and the first call's own 409", async () => {
    await expect(
      cancelCampaignInParts(async () => {
        throw new ApiError("busy", 409, "conflict", "presale_cancel_running")
      }, {})
    ).rejects.toMatchObject({ code: "presale_cancel_running" })
    let n = 0
    await expect(
      cancelCampaignInParts(async () => {
        if (n++ === 0) return answer(10)
        throw new ApiError("boom", 500, "unexpected_state")
      }, {})
    ).rejects.toThrow("boom")
  })

  it("stops when a call makes no progress (only failures left)", async () => {
    let n = 0
    const result = await cancelCampaignInParts(async () => (n++, answer(5, { failures: [] })), {})
    expect(result.remaining).toBe(5)
    expect(n).toBe(2)
  })
})
