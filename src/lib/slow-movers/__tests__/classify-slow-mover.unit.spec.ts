import { classifySlowMover } from ".."

const t = { weeks: 8, minWeeksOfCover: 12, maxSellThrough: 0.2 }

describe("classifySlowMover", () => {
  it("flags stock that lasts long and barely sells", () => {
    // 4 sold in 8 weeks = 0.5/week; 40 on hand = 80 weeks; sell-through 4/44
    expect(classifySlowMover({ onHand: 40, sold: 4 }, t)).toEqual({ weeks_of_cover: 80, sell_through: 0.09, slow: true })
  })

  it("does not flag a fast seller, however much is on hand", () => {
    // 80 sold = 10/week; 100 on hand = 10 weeks
    expect(classifySlowMover({ onHand: 100, sold: 80 }, t)).toMatchObject({ weeks_of_cover: 10, slow: false })
  })

  it("needs both long cover and low sell-through", () => {
    // 20 sold = 2.5/week; 60 on hand = 24 weeks of cover, but 25 % sold through
    expect(classifySlowMover({ onHand: 60, sold: 20 }, t)).toMatchObject({ weeks_of_cover: 24, sell_through: 0.25, slow: false })
  })

  it("treats no sales with stock as unlimited cover, and no stock as nothing to clear", () => {
    expect(classifySlowMover({ onHand: 5, sold: 0 }, t)).toEqual({ weeks_of_cover: null, sell_through: 0, slow: true })
    expect(classifySlowMover({ onHand: 0, sold: 0 }, t).slow).toBe(false)
    expect(classifySlowMover({ onHand: -3, sold: 2 }, t).slow).toBe(false)
  })

  it("is monotone: more stock never makes an item less slow (property)", () => {
    for (let i = 0; i < 1000; i++) {
      const sold = Math.floor(Math.random() * 30)
      const onHand = Math.floor(Math.random() * 200)
      if (classifySlowMover({ onHand, sold }, t).slow) expect(classifySlowMover({ onHand: onHand + 1 + Math.floor(Math.random() * 50), sold }, t).slow).toBe(true)
    }
  })
})
