// The presale admin in a real browser (Debian's Chromium driven by playwright-core). The demo
// may have no presale: this check makes its own through the create form (a demo variant found by
// its SKU, two tier windows — the top tier first with 20 %, then everyone with the rest), then:
// the list and its status filter, the detail page with its live counters (read again every 5 s),
// the quantity grown and the ship date moved, "Convert arrived stock", close and re-activate,
// the widget on Medusa's variant page, the pages again in 中文, and "Cancel campaign" last.
// Screenshots go to test-results/e2e/presales-*.png.
import { openAdmin } from "./lib/admin-browser.mjs"

export async function runAdminPresales({ base, email, password, outDir }) {
  const { page, results, check, shot, expect, setLanguage, api, pickOption, logIn, noPageErrors, close } = await openAdmin({ outDir, name: "presales" })
  const stamp = Date.now().toString(36)
  const title = `E2E presale ${stamp}`
  let variant = null
  let tiers = []
  let presale = null

  const soldCell = () => page.locator(`[data-testid="presale-items"] tr[data-variant-id="${variant.id}"] [data-field="sold"]`)

  try {
    await check("logs into /app", async () => {
      await logIn(base, email, password)
      await setLanguage("en")
    })

    await check("a demo variant with a SKU and the member tiers", async () => {
      const { variants } = await api("/admin/product-variants?limit=20&fields=id,sku,title,product_id,product.title")
      variant = variants.find((v) => v.sku) ?? null
      expect(variant, "no variant with a SKU in the demo")
      tiers = (await api("/admin/member-tiers")).tiers
      if (!tiers.length) {
        for (const t of [
          { code: "e2e-basic", name: "普通", name_en: "Member", rank: 0, points_multiplier: 1 },
          { code: "e2e-gold", name: "金卡", name_en: "Gold", rank: 1, qualify_spend: 5000, points_multiplier: 1.5 },
        ]) {
          await api("/admin/member-tiers", { method: "POST", body: JSON.stringify(t) })
        }
        tiers = (await api("/admin/member-tiers")).tiers
      }
    })

    await check("creates a presale through the form: an item, two tier windows, activated", async () => {
      await page.goto(`${base}/app/presales`)
      await page.locator('[data-testid="presales-page"]').waitFor()
      await page.locator('[data-testid="presale-new"]').click()
      await page.locator('[data-testid="presale-form"]').waitFor()
      // Refused before anything is sent: no title, no variant.
      await page.locator('[data-testid="presale-create-active"]').click()
      await page.locator('[data-testid="presale-form"]').getByText("Required.").first().waitFor()
      await page.locator("#presale-title").fill(title)
      const picker = page.locator('[data-testid="presale-item-variant-0"]')
      await picker.locator("input").fill(variant.sku)
      await page.locator(`[data-testid="variant-option"][data-sku="${variant.sku}"]`).first().click()
      await page.locator('input[name="item-quantity-0"]').fill("50")
      await page.locator('input[name="item-price-0"]').fill("199")
      const top = tiers[tiers.length - 1]
      await pickOption(page.locator('[data-testid="window-tier-0"]'), top.name_en ?? top.name)
      await page.locator('input[name="window-share-0"]').fill("20")
      await page.locator('input[name="window-label-0"]').fill("VIP first")
      await page.locator('[data-testid="presale-add-window"]').click()
      await page.locator('input[name="window-label-1"]').fill("Everyone")
      await shot("en-form")
      await page.locator('[data-testid="presale-create-active"]').click()
      await page.waitForURL((u) => /\/app\/presales\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith("/create"))
      const id = new URL(page.url()).pathname.split("/").pop()
      await page.locator(`[data-testid="presale-detail"][data-presale-id="${id}"]`).waitFor()
      presale = (await api(`/admin/presales/${id}`)).presale
      expect(presale.title === title && presale.status === "active", `stored ${presale.title} ${presale.status}`)
      expect(presale.items.length === 1 && presale.items[0].variant_id === variant.id && presale.items[0].quantity === 50 && presale.items[0].price === 199, `items ${JSON.stringify(presale.items)}`)
      expect(presale.windows.length === 2, `${presale.windows.length} windows`)
      const [first, rest] = [...presale.windows].sort((a, b) => +new Date(a.opens_at) - +new Date(b.opens_at))
      expect(first.tier_id === top.id && Math.abs(first.share - 0.2) < 1e-6 && first.label === "VIP first", `first window ${JSON.stringify(first)}`)
      expect(rest.tier_id === null && rest.share === null && rest.label === "Everyone", `second window ${JSON.stringify(rest)}`)
    })

    await check("the list shows it (title, status, sold / quantity) and the status filter keeps it", async () => {
      expect(presale, "no presale made")
      await page.goto(`${base}/app/presales`)
      await page.getByRole("heading", { name: "Presales" }).first().waitFor()
      const row = page.locator(`[data-testid="presales-table"] tr[data-presale-id="${presale.id}"]`)
      await row.waitFor()
      expect((await row.innerText()).includes(title), "title in the row")
      expect((await row.locator('[data-field="sold"]').innerText()).replace(/\s/g, "") === "0/50", "0 / 50 sold")
      expect((await row.locator('[data-testid="presale-status"]').getAttribute("data-status")) === "active", "active")
      await pickOption(page.locator('[data-testid="presales-status-filter"]'), "Active")
      await page.waitForURL((u) => u.searchParams.get("status") === "active")
      await row.waitFor()
      await shot("en-list")
      await pickOption(page.locator('[data-testid="presales-status-filter"]'), "Draft")
      await row.waitFor({ state: "detached" })
    })

    await check("the detail page: counters per item and per window, read again every 5 s", async () => {
      await page.goto(`${base}/app/presales/${presale.id}`)
      await page.locator('[data-testid="presale-counters"]').waitFor()
      await soldCell().waitFor()
      expect((await soldCell().getAttribute("data-sold")) === "0" && (await soldCell().getAttribute("data-quantity")) === "50", "0 of 50")
      const windows = page.locator('[data-testid="presale-windows"] tbody tr')
      expect((await windows.count()) === 2, "two windows")
      expect((await windows.nth(0).innerText()).includes("VIP first") && (await windows.nth(0).innerText()).includes("20%"), "the VIP window with its share")
      expect((await windows.nth(1).innerText()).includes("The rest"), "the rest")
      await page.locator('[data-testid="reservations-empty"]').waitFor()
      const before = Number(await page.locator('[data-testid="presale-counters"]').getAttribute("data-updated-at"))
      await page.waitForFunction(
        (b) => Number(document.querySelector('[data-testid="presale-counters"]')?.getAttribute("data-updated-at")) > b,
        before,
        { timeout: 12_000 }
      )
      await shot("en-detail")
    })

    await check("grows the quantity to 60 and moves the ship date", async () => {
      await page.locator('[data-testid="presale-grow"]').first().click()
      await page.locator('[data-testid="presale-grow-input"]').fill("60")
      await page.locator('[data-testid="presale-grow-save"]').click()
      await page.waitForFunction(
        (v) => document.querySelector(`[data-testid="presale-items"] tr[data-variant-id="${v}"] [data-field="sold"]`)?.getAttribute("data-quantity") === "60",
        variant.id
      )
      const ship = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10)
      await page.locator('[data-testid="presale-ship-date-edit"]').click()
      await page.locator('[data-testid="presale-ship-date-input"]').fill(ship)
      await page.locator('[data-testid="presale-ship-date-save"]').click()
      await page.locator('[data-testid="presale-ship-date-input"]').waitFor({ state: "detached" })
      const stored = (await api(`/admin/presales/${presale.id}`)).presale
      expect(stored.items[0].quantity === 60, `quantity ${stored.items[0].quantity}`)
      expect(new Date(stored.ship_date).toISOString().slice(0, 10) === ship, `ship date ${stored.ship_date} ≠ ${ship}`)
    })

    await check("'Convert arrived stock' answers with converted / waiting", async () => {
      await page.locator('[data-testid="presale-convert"]').click()
      const done = page.locator('[data-testid="presale-conversion"]')
      await done.waitFor()
      expect((await done.getAttribute("data-converted")) === "0", "nothing paid, nothing converted")
      expect((await done.innerText()).includes("Converted 0"), "said")
    })

    await check("closes the presale (confirmed) and activates it again", async () => {
      await page.locator('[data-testid="presale-close"]').click()
      await page.getByRole("alertdialog").getByRole("button", { name: "Close" }).click()
      await page.locator('[data-testid="presale-detail"][data-status="closed"]').waitFor()
      await page.locator('[data-testid="presale-activate"]').click()
      await page.locator('[data-testid="presale-detail"][data-status="active"]').waitFor()
    })

    await check("the widget on Medusa's variant page lists the presale with sold / quantity", async () => {
      const productId = variant.product_id ?? variant.product?.id
      await page.goto(`${base}/app/products/${productId}/variants/${variant.id}`)
      const row = page.locator(`[data-testid="variant-presales-widget"] tr[data-presale-id="${presale.id}"]`)
      await row.waitFor()
      expect((await row.locator('[data-field="sold"]').innerText()).replace(/\s/g, "") === "0/60", "0 / 60")
      await page.locator('[data-testid="variant-presales-widget"]').screenshot({ path: `${outDir}/presales-en-variant-widget.png` })
      await row.locator('[data-testid="variant-presale-link"]').click()
      await page.locator(`[data-testid="presale-detail"][data-presale-id="${presale.id}"]`).waitFor()
    })

    await check("in 中文: the list, the detail page and the form", async () => {
      await setLanguage("zhCN")
      await page.goto(`${base}/app/presales`)
      await page.getByRole("heading", { name: "预售" }).first().waitFor()
      await page.getByRole("columnheader", { name: "已售 / 总量" }).waitFor()
      await page.getByText("新建预售").first().waitFor()
      await shot("zh-CN-list")
      await page.goto(`${base}/app/presales/${presale.id}`)
      await page.getByRole("heading", { name: "实时计数" }).waitFor()
      await page.getByRole("heading", { name: "等级时段" }).waitFor()
      await page.getByRole("button", { name: "到货转现货" }).waitFor()
      await page.getByRole("button", { name: "取消预售活动" }).waitFor()
      await page.locator('[data-testid="presale-status"]').getByText("进行中").waitFor()
      await shot("zh-CN-detail")
      await page.goto(`${base}/app/presales/create`)
      await page.getByRole("button", { name: "创建并上线" }).waitFor()
      await page.getByText("开抢时间").first().waitFor()
      await shot("zh-CN-form")
      await setLanguage("en")
    })

    await check("cancels the campaign: the dialog counts what will be refunded, the result is shown, the campaign is canceled", async () => {
      await page.goto(`${base}/app/presales/${presale.id}`)
      await page.locator('[data-testid="presale-cancel-campaign"]').click()
      const dialog = page.locator('[data-testid="presale-cancel-dialog"]')
      await dialog.waitFor()
      // No one has reserved in this run: 0 to cancel, 0 to refund, and the dialog says so.
      expect((await dialog.getAttribute("data-open")) === "0" && (await dialog.getAttribute("data-refunded")) === "0", "counts in the dialog")
      expect((await page.locator('[data-testid="presale-cancel-description"]').innerText()).includes("0 open reservations"), "the dialog states the reservations")
      await page.locator('[data-testid="presale-cancel-reason"]').fill("E2E supplier failed")
      await shot("en-cancel-dialog")
      await page.locator('[data-testid="presale-cancel-confirm"]').click()
      const result = page.locator('[data-testid="presale-cancellation"][data-complete="true"]')
      await result.waitFor()
      expect((await result.getAttribute("data-canceled")) === "0", "nothing to cancel")
      await page.locator('[data-testid="presale-detail"][data-status="canceled"]').waitFor()
      await page.locator('[data-testid="presale-cancellation-info"]').getByText("E2E supplier failed").waitFor()
      expect((await page.locator('[data-testid="presale-cancel-campaign"]').count()) === 0, "no cancel button on a canceled campaign")
      await shot("en-canceled")
      const stored = (await api(`/admin/presales/${presale.id}`)).presale
      expect(stored.status === "canceled" && stored.cancellation?.reason === "E2E supplier failed" && stored.cancellation?.completed_at, `stored ${JSON.stringify(stored.cancellation)}`)
    })

    await noPageErrors()
  } finally {
    await close()
  }
  return results
}
