// The merchant's path through the admin, in a real browser (Debian's Chromium driven by
// playwright-core): log in, open Shops, find a known shop, switch the UI to 中文 the way a
// merchant does (Profile → Edit → Language) and back. Screenshots go to test-results/e2e/.
import { openAdmin } from "./lib/admin-browser.mjs"

export async function runAdminShops({ base, email, password, shopCode, outDir }) {
  const { page, results, check, shot, logIn, noPageErrors, close } = await openAdmin({ outDir, name: null, viewport: { width: 1440, height: 1200 }, fullPage: false })
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
      await logIn(base, email, password)
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
    await noPageErrors()
  } finally {
    await close()
  }
  return results
}
