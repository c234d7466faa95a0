import { errorHandler, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

const medusaErrorHandler = errorHandler()

/**
 * Medusa 2.21 answers every MedusaError.Types.CONFLICT with a generic Idempotency-Key text;
 * a merchant needs the real reason ("shop KM-001 still holds 12 units"), so domain conflicts
 * keep their message and code. Everything else goes to Medusa's own handler.
 */
export function conflictAwareErrorHandler() {
  return (err: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => {
    if (MedusaError.isMedusaError(err) && err.type === MedusaError.Types.CONFLICT && err.code) {
      // `details` carries what a client acts on, e.g. when a presale window opens.
      res.status(409).json({ type: "conflict", code: err.code, message: err.message, ...((err as any).details ?? {}) })
      return
    }
    return medusaErrorHandler(err, req as any, res, next)
  }
}
