import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { parseShopCsv } from "../../../../lib/shop-import"
import { SHOPS_MODULE } from "../../../../modules/shops"
import type ShopsModuleService from "../../../../modules/shops/service"
import { createShopsWorkflow } from "../../../../workflows/shops/create-shops"

type RowError = { row: number; field: string; message: string }

/**
 * Creates every shop of a CSV file or none: the whole file is checked first (format, then
 * codes and territories against the database) and all row errors come back together.
 */
export const POST = async (req: MedusaRequest<{ csv: string }>, res: MedusaResponse) => {
  const { rows, errors } = parseShopCsv(req.validatedBody.csv)
  const service = req.scope.resolve<ShopsModuleService>(SHOPS_MODULE)
  const rowErrors: RowError[] = [...errors]

  const territoryCodes = [...new Set(rows.map((r) => r.territory_code).filter(Boolean))] as string[]
  const territories = territoryCodes.length
    ? await service.listTerritories({ code: territoryCodes }, { select: ["id", "code"] })
    : []
  const territoryId = new Map(territories.map((t) => [t.code, t.id]))
  const taken = new Set(
    (await service.listShops({ code: rows.map((r) => r.code) }, { select: ["code"] })).map((s) => s.code)
  )
  rows.forEach((r, i) => {
    if (r.territory_code && !territoryId.has(r.territory_code)) {
      rowErrors.push({ row: r.row ?? i + 1, field: "territory_code", message: `territory ${r.territory_code} does not exist` })
    }
    if (taken.has(r.code)) {
      rowErrors.push({ row: r.row ?? i + 1, field: "code", message: `shop ${r.code} already exists` })
    }
  })

  if (rowErrors.length) {
    rowErrors.sort((a, b) => a.row - b.row)
    return res.status(400).json({
      type: "invalid_data",
      message: `The file has ${rowErrors.length} error(s); nothing was imported.`,
      errors: rowErrors,
    })
  }
  if (!rows.length) {
    return res.status(400).json({ type: "invalid_data", message: "csv: the file has no data rows" })
  }

  const { result } = await createShopsWorkflow(req.scope).run({
    input: {
      shops: rows.map(({ row, territory_code, ...shop }) => ({
        ...shop,
        territory_id: territory_code ? territoryId.get(territory_code)! : null,
      })) as any,
    },
  })
  res.status(201).json({ imported: result.length, shops: result })
}
