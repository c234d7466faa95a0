import { proposeReplenishment } from ".."

const policy = { reorder_point: 10, order_up_to: 25, overrides_applied: [] }
const none = { case_pack: null, moq: null }

describe("proposeReplenishment", () => {
  it("proposes nothing above the reorder point", () => {
    expect(proposeReplenishment(policy, { on_hand: 14, reserved: 3, incoming: 0, pending: 0 }, none)).toEqual({ propose: false, position: 11 })
  })

  it("orders up to the order-up-to level at the reorder point", () => {
    const d = proposeReplenishment(policy, { on_hand: 12, reserved: 4, incoming: 2, pending: 0 }, none)
    expect(d).toMatchObject({ propose: true, position: 10, quantity: 15, reason: "at_or_below_reorder_point" })
  })

  it("counts approved proposals as supply, so one shortfall is not proposed twice", () => {
    expect(proposeReplenishment(policy, { on_hand: 5, reserved: 0, incoming: 0, pending: 20 }, none).propose).toBe(false)
  })

  it("rounds up to whole case packs and to the minimum order quantity", () => {
    const stock = { on_hand: 9, reserved: 0, incoming: 0, pending: 0 } // needs 16
    expect(proposeReplenishment(policy, stock, { case_pack: 6, moq: null })).toMatchObject({ quantity: 18 })
    expect(proposeReplenishment(policy, stock, { case_pack: null, moq: 20 })).toMatchObject({ quantity: 20 })
    expect(proposeReplenishment(policy, stock, { case_pack: 12, moq: 20 })).toMatchObject({ quantity: 24 })
  })

  it("says when the merchant's minimum is what triggered it", () => {
    const d = proposeReplenishment({ ...policy, overrides_applied: ["min"] }, { on_hand: 0, reserved: 0, incoming: 0, pending: 0 }, none)
    expect(d).toMatchObject({ reason: "below_override_min", quantity: 25 })
  })

  it("proposes nothing for a series without computed levels", () => {
    expect(proposeReplenishment({ reorder_point: null, order_up_to: null }, { on_hand: 0, reserved: 0, incoming: 0, pending: 0 }, none).propose).toBe(false)
  })

  it("never proposes a negative or fractional quantity (property)", () => {
    for (let i = 0; i < 2000; i++) {
      const rop = Math.floor(Math.random() * 50)
      const out = rop + Math.floor(Math.random() * 50)
      const stock = { on_hand: Math.floor(Math.random() * 80), reserved: Math.floor(Math.random() * 10), incoming: Math.floor(Math.random() * 10), pending: 0 }
      const d = proposeReplenishment({ reorder_point: rop, order_up_to: out }, stock, { case_pack: 1 + Math.floor(Math.random() * 6), moq: null })
      if (d.propose) {
        expect(Number.isInteger(d.quantity) && d.quantity > 0).toBe(true)
        expect(d.position + d.quantity).toBeGreaterThanOrEqual(out)
        expect(d.position).toBeLessThanOrEqual(rop)
      } else expect(d.position > rop || out <= d.position).toBe(true)
    }
  })
})
