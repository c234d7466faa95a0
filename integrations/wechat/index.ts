/**
 * WeChat mini-program login: the code from wx.login() is exchanged server-side for the user's
 * openid (per app) and, when the app is bound to an Open Platform account, the unionid.
 * GET {base}/sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
 * → { openid, session_key, unionid? } or { errcode, errmsg } (errcode 0 may accompany success).
 * No Medusa imports: a plain client, given its base URL and app credentials.
 */

export type WechatConfig = { baseUrl: string; appId: string; appSecret: string; timeoutMs?: number }

export type WechatSession = { openid: string; unionid: string | null; session_key: string }

export class WechatError extends Error {
  constructor(
    message: string,
    readonly errcode: number | null
  ) {
    super(message)
    this.name = "WechatError"
  }
}

export const wechatConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): WechatConfig => ({
  baseUrl: env.WECHAT_API_BASE || "https://api.weixin.qq.com",
  appId: env.WECHAT_APP_ID ?? "",
  appSecret: env.WECHAT_APP_SECRET ?? "",
})

/** Exchanges a wx.login() code; a platform error (invalid code 40029, used code 40163, rate 45011, …) is a WechatError with its errcode. */
export async function wechatCodeToSession(config: WechatConfig, code: string): Promise<WechatSession> {
  if (!config.appId || !config.appSecret) throw new WechatError("WECHAT_APP_ID and WECHAT_APP_SECRET are not configured", null)
  const url = new URL("/sns/jscode2session", config.baseUrl)
  url.search = new URLSearchParams({ appid: config.appId, secret: config.appSecret, js_code: code, grant_type: "authorization_code" }).toString()
  const res = await fetch(url, { signal: AbortSignal.timeout(config.timeoutMs ?? 5000) })
  if (!res.ok) throw new WechatError(`WeChat answered HTTP ${res.status}`, null)
  const body = (await res.json()) as { openid?: string; session_key?: string; unionid?: string; errcode?: number; errmsg?: string }
  if (body.errcode) throw new WechatError(`WeChat refused the code: ${body.errcode} ${body.errmsg ?? ""}`.trim(), body.errcode)
  if (!body.openid) throw new WechatError("WeChat answered without an openid", null)
  return { openid: body.openid, unionid: body.unionid || null, session_key: body.session_key ?? "" }
}
