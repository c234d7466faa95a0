import { validateClosures } from ".."

describe("validateClosures", () => {
  it("accepts closures with and without a reason", () => {
    const closures = [{ date: "2027-02-06", reason: "春节" }, { date: "2027-02-07" }, { date: "2028-02-29", reason: "盘点" }]
    expect(validateClosures(closures)).toEqual({ ok: true, value: closures })
    expect(validateClosures([])).toEqual({ ok: true, value: [] })
  })

  it("rejects something that is not an array", () => {
    expect(validateClosures({ date: "2027-02-06" })).toEqual({
      ok: false,
      errors: [{ path: "closures", message: expect.stringContaining("array") }],
    })
  })

  it("rejects dates that are not real calendar dates", () => {
    const result = validateClosures([
      { date: "2027-02-06" },
      { date: "2027-02-29" },
      { date: "2027/02/08" },
      { date: "2027-2-9" },
      {},
    ])
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).toEqual([
        "closures[1].date",
        "closures[2].date",
        "closures[3].date",
        "closures[4].date",
      ])
    }
  })

  it("rejects duplicate dates, pointing at the first one", () => {
    expect(validateClosures([{ date: "2027-02-06" }, { date: "2027-02-07" }, { date: "2027-02-06", reason: "again" }])).toEqual({
      ok: false,
      errors: [{ path: "closures[2].date", message: "duplicate of closures[0] (2027-02-06)" }],
    })
  })

  it("rejects bad reasons, unknown fields and non-objects", () => {
    const result = validateClosures([{ date: "2027-02-06", reason: 7 }, { date: "2027-02-07", note: "x" }, "2027-02-08", { date: "2027-02-09", reason: "x".repeat(201) }])
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors.map((e) => e.path)).toEqual([
        "closures[0].reason",
        "closures[1].note",
        "closures[2]",
        "closures[3].reason",
      ])
    }
  })
})
