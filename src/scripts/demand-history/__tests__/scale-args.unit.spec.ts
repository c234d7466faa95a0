import { parseScaleArgs } from "../../scale/args"
import { takeHistoryDays } from "../scale"

describe("seed:scale --history-days", () => {
  it("is taken out of the arguments so the store-shop options still parse", () => {
    const argv = ["node", "medusa", "exec", "./src/scripts/seed-scale.ts", "--", "--shops", "30", "--history-days", "365", "--variants=50"]
    const h = takeHistoryDays([], argv)
    expect(h.days).toBe(365)
    expect(parseScaleArgs(h.args, h.argv)).toMatchObject({ shops: 30, variants: 50 })
    expect(takeHistoryDays(["history-days=200"], []).days).toBe(200)
    expect(takeHistoryDays([], ["--", "--history-days=90"]).days).toBe(90)
  })

  it("is absent by default and refuses a bad value", () => {
    expect(takeHistoryDays([], ["--", "--shops", "3"]).days).toBeNull()
    expect(() => takeHistoryDays([], ["--", "--history-days", "a year"])).toThrow(/history-days/)
    expect(() => takeHistoryDays([], ["--", "--history-days", "0"])).toThrow(/history-days/)
  })
})
