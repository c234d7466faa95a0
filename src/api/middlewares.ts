import { defineMiddlewares, validateAndTransformBody } from "@medusajs/framework/http"
import {
  AdminCreateShop,
  AdminImportShops,
  AdminIssuePosToken,
  AdminListShops,
  AdminUpdateShop,
} from "./admin/shops/validators"
import { AdminCreateTerritory, AdminListTerritories, AdminUpdateTerritory } from "./admin/territories/validators"
import { PosCreateOrder } from "./pos/orders/validators"
import {
  AdminEnqueueForecastRun,
  AdminListForecastRuns,
  AdminListPolicies,
  AdminUpdatePolicy,
  AdminListProposals,
  AdminDecideProposals,
  AdminRefreshProposals,
  AdminListSlowMovers,
  AdminCreateClearance,
  AdminSeriesQuery,
} from "./admin/replenishment/validators"
import { AdminListServiceTargets, AdminUpsertServiceTarget } from "./admin/replenishment/targets/validators"
import { StoreListShops } from "./store/shops/validators"
import { StorePickupShop } from "./store/carts/validators"
import { AdminCreateTransferPlan, AdminListTransferPlans } from "./admin/transfer-plans/validators"
import { AdminBuildDeliveryRuns, AdminListDeliveryRuns, AdminUpsertDepotFleet } from "./admin/delivery-runs/validators"
import {
  AdminApproveTransfer,
  AdminCreateTransfer,
  AdminListTransfers,
  AdminReceiveTransfer,
  AdminShipTransfer,
  AdminTransferAction,
} from "./admin/transfers/validators"
import { presaleMiddlewares } from "./presale-middlewares"
import { membershipMiddlewares } from "./membership-middlewares"
import { conflictAwareErrorHandler } from "./utils/conflict-error-handler"
import { idempotency } from "./utils/idempotency"
import { authenticatePos } from "./utils/pos-auth"
import { validateQuery } from "./utils/validate-query"

export default defineMiddlewares({
  errorHandler: conflictAwareErrorHandler() as any,
  routes: [
    { matcher: "/admin/shops", method: ["GET"], middlewares: [validateQuery(AdminListShops)] },
    { matcher: "/admin/shops", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(AdminCreateShop)] },
    {
      matcher: "/admin/shops/import",
      method: ["POST"],
      bodyParser: { sizeLimit: "6mb" },
      middlewares: [idempotency(), validateAndTransformBody(AdminImportShops)],
    },
    { matcher: "/admin/shops/:id", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(AdminUpdateShop)] },
    {
      matcher: "/admin/shops/:id/pos-tokens",
      method: ["POST"],
      middlewares: [idempotency({ redact: ["pos_token.token"] }), validateAndTransformBody(AdminIssuePosToken)],
    },
    { matcher: "/admin/territories", method: ["GET"], middlewares: [validateQuery(AdminListTerritories)] },
    {
      matcher: "/admin/territories",
      method: ["POST"],
      middlewares: [idempotency(), validateAndTransformBody(AdminCreateTerritory)],
    },
    {
      matcher: "/admin/territories/:id",
      method: ["POST"],
      middlewares: [idempotency(), validateAndTransformBody(AdminUpdateTerritory)],
    },
    {
      matcher: "/admin/replenishment/runs",
      method: ["POST"],
      middlewares: [idempotency(), validateAndTransformBody(AdminEnqueueForecastRun)],
    },
    { matcher: "/admin/replenishment/runs", method: ["GET"], middlewares: [validateQuery(AdminListForecastRuns)] },
    { matcher: "/admin/replenishment/policies", method: ["GET"], middlewares: [validateQuery(AdminListPolicies)] },
    {
      matcher: "/admin/replenishment/policies/:id",
      method: ["POST"],
      middlewares: [idempotency(), validateAndTransformBody(AdminUpdatePolicy)],
    },
    { matcher: "/admin/replenishment/proposals", method: ["GET"], middlewares: [validateQuery(AdminListProposals)] },
    {
      matcher: "/admin/replenishment/proposals/approve",
      method: ["POST"],
      middlewares: [idempotency(), validateAndTransformBody(AdminDecideProposals)],
    },
    {
      matcher: "/admin/replenishment/proposals/dismiss",
      method: ["POST"],
      middlewares: [idempotency(), validateAndTransformBody(AdminDecideProposals)],
    },
    {
      matcher: "/admin/replenishment/proposals/refresh",
      method: ["POST"],
      middlewares: [validateAndTransformBody(AdminRefreshProposals)],
    },
    { matcher: "/admin/replenishment/slow-movers", method: ["GET"], middlewares: [validateQuery(AdminListSlowMovers)] },
    {
      matcher: "/admin/replenishment/slow-movers/clearance",
      method: ["POST"],
      middlewares: [idempotency(), validateAndTransformBody(AdminCreateClearance)],
    },
    { matcher: "/admin/replenishment/series", method: ["GET"], middlewares: [validateQuery(AdminSeriesQuery)] },
    { matcher: "/admin/replenishment/targets", method: ["GET"], middlewares: [validateQuery(AdminListServiceTargets)] },
    {
      matcher: "/admin/replenishment/targets",
      method: ["POST"],
      middlewares: [idempotency(), validateAndTransformBody(AdminUpsertServiceTarget)],
    },
    { matcher: "/admin/delivery-runs", method: ["GET"], middlewares: [validateQuery(AdminListDeliveryRuns)] },
    { matcher: "/admin/delivery-runs", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(AdminBuildDeliveryRuns)] },
    { matcher: "/admin/depot-fleets", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(AdminUpsertDepotFleet)] },
    { matcher: "/admin/transfer-plans", method: ["GET"], middlewares: [validateQuery(AdminListTransferPlans)] },
    { matcher: "/admin/transfer-plans", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(AdminCreateTransferPlan)] },
    { matcher: "/admin/transfer-plans/:id/apply", method: ["POST"], middlewares: [idempotency()] },
    { matcher: "/admin/transfers", method: ["GET"], middlewares: [validateQuery(AdminListTransfers)] },
    { matcher: "/admin/transfers", method: ["POST"], middlewares: [idempotency(), validateAndTransformBody(AdminCreateTransfer)] },
    ...(
      [
        ["request", AdminTransferAction],
        ["approve", AdminApproveTransfer],
        ["ship", AdminShipTransfer],
        ["receive", AdminReceiveTransfer],
        ["close", AdminTransferAction],
        ["cancel", AdminTransferAction],
      ] as const
    ).map(([action, body]) => ({
      matcher: `/admin/transfers/:id/${action}`,
      method: ["POST"] as any,
      middlewares: [idempotency(), validateAndTransformBody(body)],
    })),
    { matcher: "/store/shops", method: ["GET"], middlewares: [validateQuery(StoreListShops)] },
    { matcher: "/store/carts/:id/pickup-shop", method: ["POST"], middlewares: [validateAndTransformBody(StorePickupShop)] },
    ...membershipMiddlewares,
    ...presaleMiddlewares,
    { matcher: "/pos/*", middlewares: [authenticatePos()] },
    { matcher: "/pos/*", method: ["POST"], middlewares: [idempotency({ required: true })] },
    { matcher: "/pos/orders", method: ["POST"], middlewares: [validateAndTransformBody(PosCreateOrder)] },
  ],
})
