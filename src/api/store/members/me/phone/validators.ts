import { z } from "@medusajs/framework/zod"

export const StoreRequestPhoneCode = z.object({ phone: z.string().min(1).max(32) }).strict()
export type StoreRequestPhoneCodeType = z.infer<typeof StoreRequestPhoneCode>

export const StoreVerifyPhone = z.object({ phone: z.string().min(1).max(32), code: z.string().regex(/^\d{6}$/, "six digits") }).strict()
export type StoreVerifyPhoneType = z.infer<typeof StoreVerifyPhone>

export const StoreBindPlatform = z.object({ code: z.string().min(1).max(256), anonymous_code: z.string().max(256).optional() }).strict()
export type StoreBindPlatformType = z.infer<typeof StoreBindPlatform>

export const StoreRecordConsent = z
  .object({ kind: z.enum(["privacy", "marketing"]), version: z.string().min(1).max(40), granted: z.boolean(), channel: z.enum(["web", "mini_program", "douyin", "pos"]).default("web") })
  .strict()
export type StoreRecordConsentType = z.infer<typeof StoreRecordConsent>
