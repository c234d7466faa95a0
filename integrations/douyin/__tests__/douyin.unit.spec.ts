import http from "node:http"
import type { AddressInfo } from "node:net"
import { douyinCodeToSession, DouyinError } from ".."

/** A loopback stand-in for developer.toutiao.com answering /api/apps/v2/jscode2session as documented. */
async function fake(answer: (body: any) => unknown) {
  const seen: any[] = []
  const server = http.createServer((req, res) => {
    if (req.method !== "POST" || req.url !== "/api/apps/v2/jscode2session") return res.writeHead(404).end()
    let raw = ""
    req.on("data", (c) => (raw += c))
    req.on("end", () => {
      const body = JSON.parse(raw)
      seen.push({ body, type: req.headers["content-type"] })
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer(body)))
    })
  })
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r))
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise((r) => server.close(r)) }
}

describe("douyinCodeToSession", () => {
  it("posts JSON { appid, secret, code, anonymous_code } and returns data.openid and unionid", async () => {
    const f = await fake(() => ({ err_no: 0, err_tips: "success", data: { session_key: "sk", openid: "dy1", anonymous_openid: "", unionid: "du1" } }))
    try {
      expect(await douyinCodeToSession({ baseUrl: f.base, appId: "tta", appSecret: "sec" }, "c1", "a1")).toEqual({ openid: "dy1", unionid: "du1", session_key: "sk" })
      expect(f.seen[0]).toEqual({ body: { appid: "tta", secret: "sec", code: "c1", anonymous_code: "a1" }, type: "application/json" })
    } finally {
      await f.close()
    }
  })

  it("err_no other than 0 is a DouyinError carrying it", async () => {
    const f = await fake(() => ({ err_no: 40018, err_tips: "bad code", data: {} }))
    try {
      const e = await douyinCodeToSession({ baseUrl: f.base, appId: "tta", appSecret: "sec" }, "bad").catch((e) => e)
      expect(e).toBeInstanceOf(DouyinError)
      expect(e.err_no).toBe(40018)
    } finally {
      await f.close()
    }
  })
})
