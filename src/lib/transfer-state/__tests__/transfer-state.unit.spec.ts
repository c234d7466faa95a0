import { approveLine, assertCanStart, closeLine, inTransit, lineDrift, receiveLine, shipLine, statusAfterReceipt, TransferRuleError, type LineQuantities } from ".."

const fresh = (requested: number): LineQuantities => ({ requested, approved: 0, shipped: 0, received: 0, over: 0, damaged: 0, rejected: 0, closed_short: 0 })

describe("transfer rules", () => {
  it("allows each action only from its statuses, and says to receive or close once shipped", () => {
    expect(() => assertCanStart("approve", "requested")).not.toThrow()
    expect(() => assertCanStart("ship", "requested")).toThrow(/ship needs it approved/)
    try {
      assertCanStart("cancel", "in_transit", "TR-7")
      throw new Error("should not get here")
    } catch (e) {
      expect(e).toBeInstanceOf(TransferRuleError)
      expect((e as TransferRuleError).code).toBe("transfer_already_shipped")
      expect((e as Error).message).toContain("close it short")
    }
    expect(() => assertCanStart("receive", "received")).toThrow(TransferRuleError)
  })

  it("approves, ships part, receives partial, damaged, rejected and over, then adds up", () => {
    let l = approveLine(fresh(10), 8, "lines[0]")
    const shipped = shipLine(l, 7, "lines[0]")
    expect(shipped.released).toBe(1)
    l = shipped.line
    const first = receiveLine(l, { received: 4, damaged: 1 }, "lines[0]")
    expect(first).toMatchObject({ stocked: 4, transitCleared: 5, over: 0 })
    expect(inTransit(first.line)).toBe(2)
    expect(statusAfterReceipt([first.line])).toBe("partially_received")
    const second = receiveLine(first.line, { received: 3, rejected: 1 }, "lines[0]") // 1 left after the rejection, 3 arrive: 2 over
    expect(second).toMatchObject({ stocked: 3, transitCleared: 2, over: 2 })
    expect(inTransit(second.line)).toBe(0)
    expect(statusAfterReceipt([second.line])).toBe("received")
    expect(lineDrift(second.line)).toEqual([])
  })

  it("refuses more than requested, approved or in transit, and fractional or negative counts", () => {
    expect(() => approveLine(fresh(5), 6, "lines[1]")).toThrow(/lines\[1\]: 6 is more than the 5 requested/)
    const l = shipLine(approveLine(fresh(5), undefined, "x"), undefined, "x").line
    expect(() => receiveLine(l, { damaged: 4, rejected: 2 }, "lines[2]")).toThrow(/only 5 still in transit/)
    expect(() => receiveLine(l, { received: 1.5 }, "lines[3]")).toThrow(/lines\[3\].received must be a whole number/)
    expect(() => shipLine(l, -1, "lines[4]")).toThrow(TransferRuleError)
  })

  it("ships a line carrying a customer order's units in full or not at all", () => {
    const order = { transfer: "TR-000123" }
    const approved = approveLine(fresh(3), undefined, "x")
    expect(shipLine(approved, undefined, "lines[0]", order)).toEqual({ line: { ...approved, shipped: 3 }, released: 0 })
    expect(shipLine(approved, 3, "lines[0]", order).line.shipped).toBe(3)
    for (const short of [2, 0]) {
      try {
        shipLine(approved, short, "lines[0]", order)
        throw new Error("should not get here")
      } catch (e) {
        expect(e).toBeInstanceOf(TransferRuleError)
        expect(e).toMatchObject({ code: "allocation_transfer_ship_in_full", kind: "conflict" })
        expect((e as Error).message).toBe(
          `lines[0]: TR-000123 carries a customer order's units and ships all 3 approved or none, not ${short}; if the source can't send them all, cancel TR-000123 (the order keeps its whole reservation there)`
        )
      }
    }
    // More than approved is still bad input, not a conflict.
    expect(() => shipLine(approved, 4, "lines[0]", order)).toThrow(/4 is more than the 3 approved/)
    // An ordinary line may ship short.
    expect(shipLine(approved, 2, "lines[0]").released).toBe(1)
  })

  it("closes short what is still in transit", () => {
    const l = receiveLine(shipLine(approveLine(fresh(6), undefined, "x"), undefined, "x").line, { received: 2 }, "x").line
    const c = closeLine(l)
    expect(c.closed).toBe(4)
    expect(inTransit(c.line)).toBe(0)
    expect(lineDrift(c.line)).toEqual([])
  })

  it("keeps the invariant over random sequences (property)", () => {
    for (let i = 0; i < 500; i++) {
      const req = 1 + Math.floor(Math.random() * 30)
      let l = approveLine(fresh(req), Math.floor(Math.random() * (req + 1)), "x")
      l = shipLine(l, Math.floor(Math.random() * (l.approved + 1)), "x").line
      for (let k = 0; k < 3 && inTransit(l) > 0; k++) {
        const open = inTransit(l)
        const damaged = Math.floor(Math.random() * (open + 1))
        const rejected = Math.floor(Math.random() * (open - damaged + 1))
        l = receiveLine(l, { damaged, rejected, received: Math.floor(Math.random() * (open + 3)) }, "x").line
        expect(lineDrift(l)).toEqual([])
      }
      if (Math.random() < 0.5) l = closeLine(l).line
      expect(lineDrift(l)).toEqual([])
    }
  })
})

import { expectedArrival } from "../delivery"

describe("expectedArrival", () => {
  const kunming = { latitude: 25.04, longitude: 102.71, timezone: "Asia/Shanghai" }
  const dali = { latitude: 25.6, longitude: 100.27, timezone: "Asia/Shanghai" } // ~250 km road

  it("waits for the destination's receiving hours, not its opening hours", () => {
    const dest = { ...dali, opening_hours: { mon: [{ open: "09:00", close: "22:00" }] }, receiving_hours: { tue: [{ open: "07:00", close: "10:00" }] } }
    // Monday 2026-11-23 08:00 in Shanghai = 00:00 UTC; the drive takes hours, so Tuesday 07:00.
    expect(expectedArrival(kunming, dest, new Date("2026-11-23T00:00:00Z"))!.toISOString()).toBe("2026-11-23T23:00:00.000Z")
  })

  it("hands over at once inside the window, and skips closures", () => {
    const dest = { ...kunming, opening_hours: { mon: [{ open: "08:00", close: "20:00" }], tue: [{ open: "08:00", close: "20:00" }] } }
    // Same place: 30 minutes of handling only.
    expect(expectedArrival(kunming, dest, new Date("2026-11-23T02:00:00Z"))!.toISOString()).toBe("2026-11-23T02:30:00.000Z")
    const closed = { ...dest, closures: [{ date: "2026-11-23" }] }
    expect(expectedArrival(kunming, closed, new Date("2026-11-23T02:00:00Z"))!.toISOString()).toBe("2026-11-24T00:00:00.000Z")
  })

  it("is null for a destination without hours", () => {
    expect(expectedArrival(kunming, dali, new Date())).toBeNull()
  })
})

import { receivingWindows } from "../delivery"
import { parseCalendarDate } from "../../opening-hours"

describe("receivingWindows", () => {
  const monday = parseCalendarDate("2026-11-23")!
  it("uses receiving hours over opening hours, in minutes, and nothing on a closure day or without hours", () => {
    const shop = { opening_hours: { mon: [{ open: "09:00", close: "22:00" }] }, receiving_hours: { mon: [{ open: "07:00", close: "10:00" }, { open: "14:00", close: "15:30" }] } }
    expect(receivingWindows(shop, monday)).toEqual([{ start: 420, end: 600 }, { start: 840, end: 930 }])
    expect(receivingWindows({ opening_hours: shop.opening_hours }, monday)).toEqual([{ start: 540, end: 1320 }])
    expect(receivingWindows({ ...shop, closures: [{ date: "2026-11-23" }] }, monday)).toEqual([])
    expect(receivingWindows({ ...shop }, monday + 1)).toEqual([])
    expect(receivingWindows({}, monday)).toEqual([])
  })
})
