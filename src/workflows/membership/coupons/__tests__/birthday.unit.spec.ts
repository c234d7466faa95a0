import { birthdaysOn } from "../birthday"
import { couponCode } from "../grant-coupon"

describe("birthdaysOn", () => {
  it("is the local day's MM-DD and its year", () => {
    expect(birthdaysOn("2026-11-24")).toEqual({ year: "2026", days: ["11-24"] })
    expect(birthdaysOn("2026-01-01")).toEqual({ year: "2026", days: ["01-01"] })
  })

  it("celebrates 29 February on the 28th in other years, and on the 29th in leap years", () => {
    expect(birthdaysOn("2026-02-28")).toEqual({ year: "2026", days: ["02-28", "02-29"] })
    expect(birthdaysOn("2028-02-28")).toEqual({ year: "2028", days: ["02-28"] })
    expect(birthdaysOn("2028-02-29")).toEqual({ year: "2028", days: ["02-29"] })
    expect(birthdaysOn("2100-02-28").days).toEqual(["02-28", "02-29"])
    expect(birthdaysOn("2000-02-28").days).toEqual(["02-28"])
  })
})

describe("couponCode", () => {
  it("is MC- and 10 characters a cashier cannot misread, different every time", () => {
    const codes = new Set(Array.from({ length: 2000 }, couponCode))
    expect(codes.size).toBe(2000)
    for (const c of codes) expect(c).toMatch(/^MC-[2-9A-HJ-NP-Z]{10}$/)
  })
})
