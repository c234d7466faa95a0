// Screenshots of Mendian's admin pages in English and Chinese, against a running server.
// Reads only: logs in, opens the Shops list, finds a shop by code, opens it, and the
// territories page; nothing is created or changed.
//
//   BASE_URL=http://localhost:9200 ADMIN_EMAIL=… ADMIN_PASSWORD=… node e2e/screenshots.mjs
//
// Env: BASE_URL (default http://localhost:9200), ADMIN_EMAIL, ADMIN_PASSWORD,
// SHOP_CODE (default KM-001), OUT (default $TMPDIR/mendian-screenshots), CHROMIUM (default /usr/bin/chromium).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { chromium } from "playwright-core"

const BASE = process.env.BASE_URL ?? "http://localhost:9200"
const EMAIL = process.env.ADMIN_EMAIL ?? "ui@mendian.local"
const PASSWORD = process.env.ADMIN_PASSWORD ?? "ui-test-123"
const CODE = process.env.SHOP_CODE ?? "KM-001"
const OUT = process.env.OUT ?? join(tmpdir(), "mendian-screenshots")
mkdirSync(OUT, { recursive: true })

const profile = mkdtempSync(join(tmpdir(), "mendian-chromium-"))
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  // The dashboard scrolls inside its own layout: a tall window shows whole pages.
  viewport: { width: 1440, height: 2000 },
})
const page = context.pages()[0] ?? (await context.newPage())
page.on("pageerror", (e) => console.error("page error:", e.message))

const shot = async (name) => {
  await page.waitForTimeout(500) // let fonts and the map settle
  await page.screenshot({ path: join(OUT, `${name}.png`) })
  console.log(join(OUT, `${name}.png`))
}

try {
  // Login form: input[name=email], input[name=password], button[type=submit].
  await page.goto(`${BASE}/app/login`)
  await page.locator('input[name="email"]').fill(EMAIL)
  await page.locator('input[name="password"]').fill(PASSWORD)
  await page.locator('button[type="submit"]').click()
  await page.waitForURL((u) => !u.pathname.endsWith("/login"))

  for (const lng of ["en", "zhCN"]) {
    // The admin's language is what Profile → Edit → Language stores: i18next's "lng"
    // cookie and localStorage entry (dashboard codes: en, zhCN). Set both, then load a page.
    await page.evaluate((l) => {
      localStorage.setItem("lng", l)
      document.cookie = `lng=${l}; path=/`
    }, lng)

    await page.goto(`${BASE}/app/shops`)
    await page.locator('[data-testid="shops-table"] tbody tr').first().waitFor()
    await page.locator('[data-testid="shops-map"] circle').first().waitFor()
    await shot(`${lng}-shops`)

    // Find the shop: type its code in the search box (debounced), then open its row.
    await page.locator('input[name="q"]').fill(CODE)
    const row = page.locator(`[data-testid="shops-table"] tr[data-shop-code="${CODE}"]`)
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="shops-table"] tbody tr').length === 1
    )
    await row.locator("a").click()
    await page.locator(`[data-testid="shop-detail"][data-shop-code="${CODE}"]`).waitFor()
    await page.locator('[data-testid="shop-pos-tokens"]').waitFor()
    await shot(`${lng}-shop-${CODE}`)

    await page.goto(`${BASE}/app/shops/territories`)
    await page.locator('[data-testid="territory-manager-tree"]').waitFor()
    await shot(`${lng}-territories`)
  }
} finally {
  await context.close()
  rmSync(profile, { recursive: true, force: true })
}
