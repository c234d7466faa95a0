import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminAdjustPoints,
  AdminListMembers,
  AdminMemberPoints,
  AdminUpdateProgram,
  AdminUpdateTier,
  AdminUpsertEarnRule,
  AdminUpsertTier,
} from "./admin/members/validators"
import { StoreJoinMembership, StorePointsHistory, StoreRedeemPoints } from "./store/members/validators"
import { StoreBindPlatform, StoreRecordConsent, StoreRequestPhoneCode, StoreVerifyPhone } from "./store/members/me/phone/validators"
import { AdminGrantCoupon, AdminListCoupons } from "./admin/members/[id]/coupons/validators"
import { PosEnrolMember, PosLookupMember } from "./pos/members/validators"
import { idempotency } from "./utils/idempotency"
import { validateQuery } from "./utils/validate-query"

const customer = authenticate("customer", ["session", "bearer"])

/** The membership routes' middlewares (spread into src/api/middlewares.ts). */
export const membershipMiddlewares: MiddlewareRoute[] = [
  { matcher: "/store/members*", middlewares: [customer] },
  { matcher: "/store/members", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(StoreJoinMembership)] },
  { matcher: "/store/members/me/points", method: ["GET"], middlewares: [validateQuery(StorePointsHistory)] },
  { matcher: "/store/members/me/phone", method: ["POST"], middlewares: [validateAndTransformBody(StoreRequestPhoneCode)] },
  { matcher: "/store/members/me/phone/verify", method: ["POST"], middlewares: [validateAndTransformBody(StoreVerifyPhone)] },
  { matcher: "/store/members/me/identities/wechat", method: ["POST"], middlewares: [validateAndTransformBody(StoreBindPlatform)] },
  { matcher: "/store/members/me/identities/douyin", method: ["POST"], middlewares: [validateAndTransformBody(StoreBindPlatform)] },
  { matcher: "/store/members/me/consents", method: ["POST"], middlewares: [validateAndTransformBody(StoreRecordConsent)] },
  { matcher: "/store/carts/:id/points", middlewares: [customer] },
  { matcher: "/store/carts/:id/points", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(StoreRedeemPoints)] },
  { matcher: "/admin/members", method: ["GET"], middlewares: [validateQuery(AdminListMembers)] },
  { matcher: "/admin/members/:id/points", method: ["GET"], middlewares: [validateQuery(AdminMemberPoints)] },
  { matcher: "/admin/members/:id/adjustments", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(AdminAdjustPoints)] },
  { matcher: "/admin/member-tiers", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(AdminUpsertTier)] },
  { matcher: "/admin/member-tiers/:id", method: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateTier)] },
  { matcher: "/admin/member-earn-rules", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(AdminUpsertEarnRule)] },
  { matcher: "/admin/member-earn-rules/:id", method: ["POST"], middlewares: [validateAndTransformBody(AdminUpsertEarnRule)] },
  { matcher: "/admin/member-program", method: ["POST"], middlewares: [validateAndTransformBody(AdminUpdateProgram)] },
  // Coupons and the till (/pos/* already has the POS token and a required Idempotency-Key).
  { matcher: "/admin/members/:id/coupons", method: ["GET"], middlewares: [validateQuery(AdminListCoupons)] },
  { matcher: "/admin/members/:id/coupons", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(AdminGrantCoupon)] },
  { matcher: "/pos/members/lookup", method: ["POST"], middlewares: [validateAndTransformBody(PosLookupMember)] },
  { matcher: "/pos/members", method: ["POST"], middlewares: [validateAndTransformBody(PosEnrolMember)] },
]
