// The merchant's path through the admin, in a real browser (Debian's Chromium driven by
// playwright-core): log in, open Shops, find a known shop, switch the UI to 中文 the way a
// merchant does (Profile → Edit → Language) and back. Screenshots go to test-results/e2e/.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium } from "playwright-core"

const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

export async function runAdminShops({ base, email, password, shopCode, outDir }) {
  mkdirSync(outDir, { recursive: true })
  const profile = mkdtempSync(join(tmpdir(), "mendian-e2e-"))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 1200 },
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const pageErrors = []
  page.on("pageerror", (e) => pageErrors.push(e.message))
  page.setDefaultTimeout(30_000)

  const results = []
  const check = async (name, fn) => {
    try {
      await fn()
      results.push({ name, ok: true })
      console.log(`  ✓ ${name}`)
    } catch (e) {
      results.push({ name, ok: false, error: e.message })
      console.log(`  ✕ ${name}\n    ${e.message.split("\n")[0]}`)
      await page.screenshot({ path: join(outDir, `failed-${results.length}.png`) }).catch(() => {})
    }
  }
  const shot = async (name) => {
    await page.waitForTimeout(400)
    await page.screenshot({ path: join(outDir, `${name}.png`) })
  }
  const expectText = async (text) => page.getByText(text, { exact: false }).first().waitFor()

  const setLanguage = async (optionLabel) => {
    await page.goto(`${base}/app/settings/profile/edit`)
    const dialog = page.getByRole("dialog")
    await dialog.getByRole("combobox").click()
    await page.getByRole("option", { name: optionLabel, exact: true }).click()
    await dialog.locator('button[type="submit"]').click()
    await dialog.waitFor({ state: "detached" })
  }

  const openShopsAndFind = async (lang) => {
    await page.goto(`${base}/app/shops`)
    await page.locator('[data-testid="shops-table"] tbody tr').first().waitFor()
    await page.locator('[data-testid="shops-map"] circle').first().waitFor()
    await shot(`${lang}-shops`)
    await page.locator('input[name="q"]').fill(shopCode)
    const row = page.locator(`[data-testid="shops-table"] tr[data-shop-code="${shopCode}"]`)
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="shops-table"] tbody tr').length === 1
    )
    await row.locator("a").first().click()
    await page.locator(`[data-testid="shop-detail"][data-shop-code="${shopCode}"]`).waitFor()
    await shot(`${lang}-shop-${shopCode}`)
  }

  try {
    await check("logs into /app", async () => {
      await page.goto(`${base}/app/login`)
      await page.locator('input[name="email"]').fill(email)
      await page.locator('input[name="password"]').fill(password)
      await page.locator('button[type="submit"]').click()
      await page.waitForURL((u) => !u.pathname.endsWith("/login"))
    })
    await check(`finds shop ${shopCode} on the Shops page`, async () => {
      await openShopsAndFind("en")
      await expectText("Opening hours")
    })
    await check("switches the UI to 中文 from the profile", async () => {
      await setLanguage("简体中文")
      await openShopsAndFind("zh-CN")
      await expectText("营业时间")
      await page.goto(`${base}/app/shops`)
      await page.getByRole("heading", { name: "门店" }).first().waitFor()
      await shot("zh-CN-shops-heading")
    })
    await check("switches back to English", async () => {
      await setLanguage("English")
      await page.goto(`${base}/app/shops`)
      await page.getByRole("heading", { name: "Shops" }).first().waitFor()
      await shot("en-again-shops")
    })
    await check("no uncaught errors in the page", async () => {
      if (pageErrors.length) throw new Error(pageErrors.join(" | "))
    })
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
  return results
}
