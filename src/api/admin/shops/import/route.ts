import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { importShopsWorkflow } from "../../../../workflows/shops/import-shops"

/** Creates every shop of a CSV file or none; all row errors come back together. */
export const POST = async (req: MedusaRequest<{ csv: string }>, res: MedusaResponse) => {
  const { result } = await importShopsWorkflow(req.scope).run({ input: { csv: req.validatedBody.csv } })
  if (result.errors.length) {
    return res.status(400).json({
      type: "invalid_data",
      message: `The file has ${result.errors.length} error(s); nothing was imported.`,
      errors: result.errors,
    })
  }
  res.status(201).json({ imported: result.shops.length, shops: result.shops })
}
