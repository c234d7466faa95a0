import loadHighs from "highs"
import { TransferPlanner } from "../planner"
import { solveInstance } from "../solve"
import { TransferPlanInputError } from "../validate"
import { checkPlan, randomInstance } from "./helpers"

describe("TransferPlanner (worker thread, one HiGHS runtime per worker)", () => {
  const planner = new TransferPlanner()
  afterAll(() => planner.close())

  it("solves in the worker what the in-process solver solves, and plans again on the same planner", async () => {
    const highs = await loadHighs()
    const inst = randomInstance(51, { shops: 300, variants: 3, shortLines: 30, tightness: 0.8 })
    const first = await planner.plan(inst)
    expect(first.stats.status).toBe("optimal")
    expect(first.total_cost).toBeCloseTo(solveInstance(highs, inst).total_cost, 4)
    checkPlan(inst, first)
    const again = await planner.plan(randomInstance(52, { shops: 100 }))
    expect(again.stats.status).toBe("optimal")
  }, 60_000)

  it("runs plans posted together one after another", async () => {
    const plans = await Promise.all([53, 54, 55].map((seed) => planner.plan(randomInstance(seed, { shops: 150 }))))
    plans.forEach((p) => expect(p.stats.certificate!.proven_optimal).toBe(true))
  }, 60_000)

  it("rejects bad input before the worker sees it", async () => {
    const inst = randomInstance(56, { shops: 10 })
    inst.surplus[0].quantity = -1
    await expect(planner.plan(inst)).rejects.toBeInstanceOf(TransferPlanInputError)
  })

  it("returns the greedy plan with the reason when the time budget is too short", async () => {
    const inst = randomInstance(57, { shops: 800, variants: 4, shortLines: 80, tightness: 0.9 })
    const plan = await planner.plan(inst, { time_budget_ms: 1, candidates: 1, cover: 0, columns_per_round: 1 })
    expect(plan.stats.status).toBe("greedy")
    expect(plan.stats.fallback).toMatch(/time budget/)
    checkPlan(inst, plan)
  }, 60_000)
})
