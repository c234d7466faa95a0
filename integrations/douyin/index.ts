/**
 * Douyin (抖音) mini-program login: the code (and anonymous_code) from tt.login() is exchanged
 * server-side for the user's openid (per app) and unionid.
 * POST {base}/api/apps/v2/jscode2session, JSON { appid, secret, code, anonymous_code }
 * → { err_no, err_tips, data: { session_key, openid, anonymous_openid, unionid } }; err_no 0 is success.
 * No Medusa imports: a plain client, given its base URL and app credentials.
 */

export type DouyinConfig = { baseUrl: string; appId: string; appSecret: string; timeoutMs?: number }

export type DouyinSession = { openid: string; unionid: string | null; session_key: string }

export class DouyinError extends Error {
  constructor(
    message: string,
    readonly err_no: number | null
  ) {
    super(message)
    this.name = "DouyinError"
  }
}

export const douyinConfigFromEnv = (env: NodeJS.ProcessEnv = process.env): DouyinConfig => ({
  baseUrl: env.DOUYIN_API_BASE || "https://developer.toutiao.com",
  appId: env.DOUYIN_APP_ID ?? "",
  appSecret: env.DOUYIN_APP_SECRET ?? "",
})

/** Exchanges a tt.login() code; a platform error (err_no ≠ 0, e.g. 40015 bad appid, 40018 bad code) is a DouyinError. */
export async function douyinCodeToSession(config: DouyinConfig, code: string, anonymousCode = ""): Promise<DouyinSession> {
  if (!config.appId || !config.appSecret) throw new DouyinError("DOUYIN_APP_ID and DOUYIN_APP_SECRET are not configured", null)
  const res = await fetch(new URL("/api/apps/v2/jscode2session", config.baseUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ appid: config.appId, secret: config.appSecret, code, anonymous_code: anonymousCode }),
    signal: AbortSignal.timeout(config.timeoutMs ?? 5000),
  })
  if (!res.ok) throw new DouyinError(`Douyin answered HTTP ${res.status}`, null)
  const body = (await res.json()) as { err_no?: number; err_tips?: string; data?: { openid?: string; session_key?: string; unionid?: string } }
  if (body.err_no) throw new DouyinError(`Douyin refused the code: ${body.err_no} ${body.err_tips ?? ""}`.trim(), body.err_no)
  if (!body.data?.openid) throw new DouyinError("Douyin answered without an openid", null)
  return { openid: body.data.openid, unionid: body.data.unionid || null, session_key: body.data.session_key ?? "" }
}
