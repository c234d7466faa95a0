import http from "node:http"
import type { AddressInfo } from "node:net"
import { wechatCodeToSession, WechatError } from ".."

/** A loopback stand-in for api.weixin.qq.com answering jscode2session as documented. */
async function fake(answer: (q: URLSearchParams) => unknown) {
  const seen: URLSearchParams[] = []
  const server = http.createServer((req, res) => {
    const u = new URL(req.url!, "http://x")
    if (u.pathname !== "/sns/jscode2session") return res.writeHead(404).end()
    seen.push(u.searchParams)
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer(u.searchParams)))
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise((r) => server.close(r)) }
}

describe("wechatCodeToSession", () => {
  it("sends appid, secret, js_code and grant_type and returns openid and unionid", async () => {
    const f = await fake(() => ({ openid: "o1", session_key: "sk", unionid: "u1" }))
    try {
      const s = await wechatCodeToSession({ baseUrl: f.base, appId: "wxa", appSecret: "sec" }, "c1")
      expect(s).toEqual({ openid: "o1", unionid: "u1", session_key: "sk" })
      expect(Object.fromEntries(f.seen[0])).toEqual({ appid: "wxa", secret: "sec", js_code: "c1", grant_type: "authorization_code" })
    } finally {
      await f.close()
    }
  })

  it("no unionid is null; errcode 0 alongside success is success", async () => {
    const f = await fake(() => ({ openid: "o2", session_key: "sk", errcode: 0, errmsg: "ok" }))
    try {
      expect((await wechatCodeToSession({ baseUrl: f.base, appId: "wxa", appSecret: "sec" }, "c2")).unionid).toBeNull()
    } finally {
      await f.close()
    }
  })

  it("an errcode is a WechatError carrying it; missing credentials fail before any request", async () => {
    const f = await fake(() => ({ errcode: 40029, errmsg: "invalid code" }))
    try {
      const e = await wechatCodeToSession({ baseUrl: f.base, appId: "wxa", appSecret: "sec" }, "bad").catch((e) => e)
      expect(e).toBeInstanceOf(WechatError)
      expect(e.errcode).toBe(40029)
      await expect(wechatCodeToSession({ baseUrl: f.base, appId: "", appSecret: "" }, "c")).rejects.toThrow(/not configured/)
      expect(f.seen).toHaveLength(1)
    } finally {
      await f.close()
    }
  })
})
