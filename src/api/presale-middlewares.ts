import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCancelPresale, AdminConvertPresale, AdminCreatePresale, AdminListPresaleReservations, AdminListPresales, AdminUpdatePresale } from "./admin/presales/validators"
import { StoreJoinWaitlist, StorePayPresale, StoreReservePresale } from "./store/presales/validators"
import { idempotency } from "./utils/idempotency"
import { validateQuery } from "./utils/validate-query"

const customer = authenticate("customer", ["session", "bearer"])
const maybeCustomer = authenticate("customer", ["session", "bearer"], { allowUnauthenticated: true })

/** The presale routes' middlewares (spread into src/api/middlewares.ts). */
export const presaleMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/presales", method: ["GET"], middlewares: [maybeCustomer] },
  { matcher: "/store/presales/:id", method: ["GET"], middlewares: [maybeCustomer] },
  // A reservation must carry an Idempotency-Key: a retried tap must not buy twice. It answers
  // within seconds, so a retry on another server takes over a dead server's claim after 20 s.
  {
    matcher: "/store/presales/:id/reservations",
    method: ["POST"],
    middlewares: [customer, idempotency({ required: true, abandonAfterSeconds: 20 }), validateAndTransformBody(StoreReservePresale)],
  },
  { matcher: "/store/presales/:id/waitlist", middlewares: [customer] },
  { matcher: "/store/presales/:id/waitlist", method: ["POST"], middlewares: [validateAndTransformBody(StoreJoinWaitlist)] },
  { matcher: "/store/presale-reservations*", middlewares: [customer] },
  { matcher: "/store/presale-reservations/:id/payments", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(StorePayPresale)] },
  { matcher: "/store/presale-reservations/:id/cancel", method: ["POST"], middlewares: [idempotency()] },
  { matcher: "/admin/presales", method: ["GET"], middlewares: [validateQuery(AdminListPresales)] },
  { matcher: "/admin/presales", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(AdminCreatePresale)] },
  { matcher: "/admin/presales/:id", method: ["POST"], middlewares: [validateAndTransformBody(AdminUpdatePresale)] },
  { matcher: "/admin/presales/:id/convert", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(AdminConvertPresale)] },
  // No Idempotency-Key: a cancellation is idempotent itself, and a repeated call must carry on what is left, not replay the first answer.
  { matcher: "/admin/presales/:id/cancel", method: ["POST"], middlewares: [validateAndTransformBody(AdminCancelPresale)] },
  { matcher: "/admin/presales/:id/reservations", method: ["GET"], middlewares: [validateQuery(AdminListPresaleReservations)] },
  { matcher: "/admin/presale-reservations/:id/cancel", method: ["POST"], middlewares: [idempotency()] },
]
