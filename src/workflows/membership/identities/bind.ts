import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { douyinCodeToSession, douyinConfigFromEnv, DouyinError } from "../../../../integrations/douyin"
import { wechatCodeToSession, wechatConfigFromEnv, WechatError } from "../../../../integrations/wechat"
import type { IdentityKind } from "../../../modules/membership/models/member-identity"
import { membershipOf, memberOfCustomer } from "../steps/membership-service"
import { completeMerge, type MergeOutcome } from "./merge"

const requireMemberOf = async (container: any, customerId: string) => {
  const member = await memberOfCustomer(container, customerId)
  if (!member) throw new MedusaError(MedusaError.Types.NOT_FOUND, "You are not a member yet: POST /store/members to join")
  return member
}

/** The one answer for every failed code, so it never tells whether the phone is someone's. */
export const WRONG_CODE = "code: the code is wrong or has expired; ask for a new one"

export type VerifyPhoneInput = { customer_id: string; phone: string; code: string }
export type VerifyPhoneResult = {
  outcome: "bound" | "already_bound" | "merged"
  member_id: string
  merge: (Omit<MergeOutcome, "survivor" | "absorbed"> & { survivor_id: string; absorbed_id: string; survivor_customer_id: string }) | null
}

/**
 * Proves the phone with the code, then binds it. A phone that is another member's merges the
 * two (the older survives, see completeMerge). The code is consumed (or its attempt counted)
 * in its own transaction first, so a failure later never lets the same code be tried again.
 */
const verifyAndBindStep = createStep("membership-verify-bind-phone", async (input: VerifyPhoneInput, { container }) => {
  const membership = membershipOf(container)
  const member = await requireMemberOf(container, input.customer_id)
  const check = await membership.checkPhoneCode({ phone: input.phone, customer_id: input.customer_id, code: input.code })
  if (!check.ok) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      check.reason === "too_many_attempts" ? "code: too many wrong attempts; this code no longer works, ask for a new one" : WRONG_CODE
    )
  }
  const bound = await membership.bindIdentity(member.id, { kind: "phone", value: input.phone, verified_by: "sms_code" })
  if (bound.outcome !== "taken") return new StepResponse<VerifyPhoneResult>({ outcome: bound.outcome, member_id: member.id, merge: null })
  const actor = `customer:${input.customer_id}`
  const merged = await membership.mergeMembers(member.id, bound.other_member_id, { reason: "phone_verified", actor })
  const done = await completeMerge(container, merged, actor)
  const { survivor, absorbed, ...rest } = done
  return new StepResponse<VerifyPhoneResult>({
    outcome: "merged",
    member_id: survivor.id,
    merge: { ...rest, survivor_id: survivor.id, absorbed_id: absorbed.id, survivor_customer_id: survivor.customer_id },
  })
})

export const verifyPhoneWorkflow = createWorkflow("membership-verify-phone", (input: VerifyPhoneInput) => {
  return new WorkflowResponse(verifyAndBindStep(input))
})

export type BindPlatformInput = { customer_id: string; platform: "wechat" | "douyin"; code: string; anonymous_code?: string }
export type BindPlatformResult = { member_id: string; identities: { kind: IdentityKind; app_id: string; outcome: string }[] }

/**
 * Exchanges the mini-program's login code with the platform, server-side, and binds what the
 * platform answered (never an id the client sends): WeChat's per-app openid and, when given,
 * the unionid; Douyin's per-app openid. An id that is another member's is a 409
 * (identity_taken) and nothing is bound: only a proven phone merges members.
 */
const exchangeAndBindStep = createStep("membership-bind-platform-identity", async (input: BindPlatformInput, { container }) => {
  const member = await requireMemberOf(container, input.customer_id)
  let wanted: { kind: IdentityKind; value: string; app_id: string; verified_by: string }[]
  try {
    if (input.platform === "wechat") {
      const config = wechatConfigFromEnv()
      const s = await wechatCodeToSession(config, input.code)
      wanted = [{ kind: "wechat_openid", value: s.openid, app_id: config.appId, verified_by: "wechat_code" }]
      if (s.unionid) wanted.push({ kind: "wechat_unionid", value: s.unionid, app_id: "", verified_by: "wechat_code" })
    } else {
      const config = douyinConfigFromEnv()
      const s = await douyinCodeToSession(config, input.code, input.anonymous_code ?? "")
      wanted = [{ kind: "douyin_openid", value: s.openid, app_id: config.appId, verified_by: "douyin_code" }]
    }
  } catch (e) {
    if (e instanceof WechatError || e instanceof DouyinError) {
      const platformCode = e instanceof WechatError ? e.errcode : e.err_no
      // A refused code is the client's (400); no configuration or an unreachable platform is ours.
      if (platformCode != null) throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: ${e.message}`, `${input.platform}_code_rejected`)
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, e.message)
    }
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `${input.platform} could not be reached: ${(e as Error).message}`)
  }
  const results = await membershipOf(container).bindIdentities(member.id, wanted)
  return new StepResponse<BindPlatformResult>({
    member_id: member.id,
    identities: wanted.map((w, i) => ({ kind: w.kind, app_id: w.app_id, outcome: results[i].outcome })),
  })
})

export const bindPlatformIdentityWorkflow = createWorkflow("membership-bind-platform-identity", (input: BindPlatformInput) => {
  return new WorkflowResponse(exchangeAndBindStep(input))
})
