import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"

/** Issues as "field: message; field: message" so a client sees which field to fix. */
export const describeZodIssues = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")

/**
 * A lean query validator for Mendian's own routes: Medusa's validateAndTransformQuery also
 * builds a Query field config, which these routes don't use and the hot store route
 * shouldn't pay for.
 */
export function validateQuery(schema: z.ZodType) {
  return (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
    const parsed = schema.safeParse(req.query)
    if (!parsed.success) {
      return next(
        new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${describeZodIssues(parsed.error)}`)
      )
    }
    ;(req as any).validatedQuery = parsed.data
    next()
  }
}
