// What every admin browser check needs: Debian's Chromium in a throw-away profile (driven by
// playwright-core), checks that record and screenshot their failure, the admin API through the
// logged-in page's session, the language switch the admin reads at start-up, and the login.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium } from "playwright-core"

const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

/**
 * `name` prefixes the screenshots (`<name>-<shot>.png`, `<name>-failed-<n>.png`; none when
 * null); `fullPage` makes every shot a full-page one.
 */
export async function openAdmin({ outDir, name, viewport = { width: 1440, height: 1400 }, fullPage = true }) {
  mkdirSync(outDir, { recursive: true })
  const profile = mkdtempSync(join(tmpdir(), `mendian-e2e-${name ?? "admin"}-`))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const pageErrors = []
  page.on("pageerror", (e) => pageErrors.push(e.message))
  page.setDefaultTimeout(30_000)
  const file = (shot) => join(outDir, name ? `${name}-${shot}.png` : `${shot}.png`)

  const results = []
  const check = async (title, fn) => {
    try {
      await fn()
      results.push({ name: title, ok: true })
      console.log(`  ✓ ${title}`)
    } catch (e) {
      results.push({ name: title, ok: false, error: e.message })
      console.log(`  ✕ ${title}\n    ${e.message.split("\n")[0]}`)
      await page.screenshot({ path: file(`failed-${results.length}`) }).catch(() => {})
    }
  }
  const shot = async (shotName) => {
    await page.waitForTimeout(400)
    await page.screenshot({ path: file(shotName), fullPage })
  }
  const expect = (cond, message) => {
    if (!cond) throw new Error(message)
  }
  /** The language the admin reads when a page loads (its i18n detector's cookie and storage). */
  const setLanguage = async (lng) => {
    await page.evaluate((l) => {
      localStorage.setItem("lng", l)
      document.cookie = `lng=${l}; path=/`
    }, lng)
  }
  /** The admin API from inside the logged-in page (its session cookie). */
  const api = (path, init) =>
    page.evaluate(
      async ([p, i]) => {
        const res = await fetch(p, { credentials: "include", headers: { "Content-Type": "application/json" }, ...i })
        const body = await res.json().catch(() => null)
        if (!res.ok) throw new Error(`${p}: ${res.status} ${JSON.stringify(body)}`)
        return body
      },
      [path, init ?? {}]
    )
  const pickOption = async (trigger, option) => {
    await trigger.click()
    await page.getByRole("option", { name: option }).click()
  }
  const logIn = async (base, email, password) => {
    await page.goto(`${base}/app/login`)
    await page.locator('input[name="email"]').fill(email)
    await page.locator('input[name="password"]').fill(password)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((u) => !u.pathname.endsWith("/login"))
  }
  const noPageErrors = () =>
    check("no uncaught errors in the page", async () => {
      if (pageErrors.length) throw new Error(pageErrors.join(" | "))
    })
  const close = async () => {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
  return { page, results, check, shot, expect, setLanguage, api, pickOption, logIn, noPageErrors, close }
}
