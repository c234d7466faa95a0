import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { parseShopCsv, type ShopImportError } from "../../lib/shop-import"
import { SHOPS_MODULE } from "../../modules/shops"
import type ShopsModuleService from "../../modules/shops/service"
import { createShopsWorkflow } from "./create-shops"
import type { CreateShopInput } from "./types"

type Checked = { errors: ShopImportError[]; shops: CreateShopInput[] }

/**
 * The whole file is checked before anything is written: its format (pure), then what only the
 * database knows — codes already taken, territories that don't exist — so every row error
 * comes back at once.
 */
const checkShopCsvStep = createStep("check-shop-csv", async (input: { csv: string }, { container }) => {
  const { rows, errors } = parseShopCsv(input.csv)
  const service = container.resolve<ShopsModuleService>(SHOPS_MODULE)
  const territoryCodes = [...new Set(rows.map((r) => r.territory_code).filter(Boolean))] as string[]
  const territories = territoryCodes.length
    ? await service.listTerritories({ code: territoryCodes }, { select: ["id", "code"] })
    : []
  const territoryId = new Map(territories.map((t) => [t.code, t.id]))
  const taken = new Set(
    rows.length
      ? (await service.listShops({ code: rows.map((r) => r.code) }, { select: ["code"] })).map((s) => s.code)
      : []
  )
  const all = [...errors]
  for (const r of rows) {
    if (r.territory_code && !territoryId.has(r.territory_code)) {
      all.push({ row: r.row, field: "territory_code", message: `territory ${r.territory_code} does not exist` })
    }
    if (taken.has(r.code)) all.push({ row: r.row, field: "code", message: `shop ${r.code} already exists` })
  }
  if (!rows.length && !all.length) all.push({ row: 0, field: "file", message: "the file has no data rows" })
  all.sort((a, b) => a.row - b.row)
  const shops = rows.map(({ row, territory_code, ...shop }) => ({
    ...shop,
    territory_id: territory_code ? territoryId.get(territory_code)! : null,
  })) as CreateShopInput[]
  return new StepResponse<Checked>({ errors: all, shops: all.length ? [] : shops })
})

/** Creates every shop of a CSV file or none; the result carries the row errors when refused. */
export const importShopsWorkflow = createWorkflow("import-shops", (input: { csv: string }) => {
  const checked = checkShopCsvStep(input)
  const created = when("shop-csv-valid", { checked }, ({ checked }) => checked.errors.length === 0).then(() =>
    createShopsWorkflow.runAsStep({ input: transform({ checked }, ({ checked }) => ({ shops: checked.shops })) })
  )
  return new WorkflowResponse(
    transform({ checked, created }, ({ checked, created }) => ({ errors: checked.errors, shops: created ?? [] }))
  )
})
