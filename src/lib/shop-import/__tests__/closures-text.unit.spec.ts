import { formatClosures, parseClosuresText } from ".."

describe("parseClosuresText", () => {
  it("reads dates with and without reasons", () => {
    expect(parseClosuresText("2027-02-06:春节|2027-02-07")).toEqual({
      ok: true,
      value: [{ date: "2027-02-06", reason: "春节" }, { date: "2027-02-07" }],
    })
  })

  it("forgives spaces, a full-width colon, an empty reason and a trailing '|'", () => {
    expect(parseClosuresText(" 2027-02-06 ： 春节 | 2027-02-07: |")).toEqual({
      ok: true,
      value: [{ date: "2027-02-06", reason: "春节" }, { date: "2027-02-07" }],
    })
  })

  it("keeps colons inside a reason", () => {
    expect(parseClosuresText("2027-05-01:盘点: 全店")).toEqual({ ok: true, value: [{ date: "2027-05-01", reason: "盘点: 全店" }] })
  })

  it("rejects malformed items, impossible dates and duplicates", () => {
    expect(parseClosuresText("2027/02/06:春节")).toEqual({
      ok: false,
      errors: [{ path: "closures", message: '"2027/02/06:春节" should be YYYY-MM-DD or YYYY-MM-DD:reason' }],
    })
    expect(parseClosuresText("2027-02-29")).toEqual({
      ok: false,
      errors: [{ path: "closures[0].date", message: 'must be a real calendar date "YYYY-MM-DD"' }],
    })
    expect(parseClosuresText("2027-02-06|2027-02-07|2027-02-06:again")).toEqual({
      ok: false,
      errors: [{ path: "closures[2].date", message: "duplicate of closures[0] (2027-02-06)" }],
    })
  })
})

describe("formatClosures", () => {
  it("writes the text back, and it parses to the same closures", () => {
    const closures = [{ date: "2027-02-06", reason: "春节" }, { date: "2027-02-07" }]
    const text = formatClosures(closures)
    expect(text).toBe("2027-02-06:春节|2027-02-07")
    expect(parseClosuresText(text)).toEqual({ ok: true, value: closures })
    expect(formatClosures(null)).toBe("")
  })

  it("keeps a '|' in a reason from splitting the item", () => {
    expect(formatClosures([{ date: "2027-02-06", reason: "春节|元宵" }])).toBe("2027-02-06:春节/元宵")
  })
})
