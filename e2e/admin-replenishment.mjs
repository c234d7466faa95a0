// Inventory intelligence in the admin, in a real browser (Debian's Chromium driven by
// playwright-core): from a shop's page open Replenishment, run the forecast for the shop and
// wait for it, read the policies (sparklines, filter, an override saved from the drawer),
// approve a proposal, make a draft clearance promotion from slow movers, then the same page and
// the variant page's demand widget in 中文, and the sidebar page with its shop picker.
// Screenshots go to test-results/e2e/replenishment-*.png.
import { join } from "node:path"
import { openAdmin } from "./lib/admin-browser.mjs"

/** The worker takes queued runs once a minute; a shop's run itself takes seconds. */
const RUN_TIMEOUT_MS = 180_000

/**
 * Slow movers skip stock that arrived within the window (8 weeks) and a fresh demo was stocked
 * minutes ago, so the shop's stock is dated back four months in the e2e database: stock that
 * has sat on the shelf. Returns false when the database can't be reached from here.
 */
async function ageShopStock(databaseUrl, shopCode) {
  if (!databaseUrl) return false
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query(
      `UPDATE inventory_level SET created_at = created_at - interval '120 days'
        WHERE location_id = (SELECT stock_location_id FROM shop WHERE code = $1 AND deleted_at IS NULL)
          AND created_at > now() - interval '56 days'`,
      [shopCode]
    )
    return rowCount >= 0
  } finally {
    await client.end()
  }
}

/** Which of these policies were planned in a shop-wide service group (metadata.service_group). */
async function groupedPolicies(databaseUrl, ids) {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(`SELECT id FROM stock_policy WHERE id = ANY($1) AND metadata ? 'service_group'`, [ids])
    return new Set(rows.map((r) => r.id))
  } finally {
    await client.end()
  }
}

export async function runAdminReplenishment({ base, email, password, shopCode, outDir, databaseUrl }) {
  const { page, results, check, shot, expect, setLanguage, logIn, noPageErrors, close } = await openAdmin({ outDir, name: "replenishment", fullPage: false })

  const policyRows = page.locator('[data-testid="policies-table"] tbody tr')
  const proposalRows = page.locator('[data-testid="proposals-table"] tbody tr')
  const slowRows = page.locator('[data-testid="slow-movers-table"] tbody tr')
  let replenishmentUrl = null
  let variantUrl = null

  try {
    await check("logs into /app", async () => {
      await logIn(base, email, password)
      await setLanguage("en")
    })

    await check(`opens Replenishment from shop ${shopCode}'s page`, async () => {
      await page.goto(`${base}/app/shops`)
      await page.locator('input[name="q"]').fill(shopCode)
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="shops-table"] tbody tr').length === 1)
      await page.locator(`[data-testid="shops-table"] tr[data-shop-code="${shopCode}"] a`).first().click()
      await page.locator('[data-testid="shop-replenishment"]').click()
      await page.locator(`[data-testid="replenishment-page"][data-shop-code="${shopCode}"]`).waitFor()
      await page.getByRole("heading", { name: "Replenishment" }).first().waitFor()
      replenishmentUrl = page.url()
      expect(/\/app\/shops\/[^/]+\/replenishment$/.test(new URL(replenishmentUrl).pathname), `unexpected URL ${replenishmentUrl}`)
    })

    await check("runs the forecast for the shop and shows its progress until completed", async () => {
      await page.locator('[data-testid="forecast-run-start"]').click()
      await page.locator('[data-testid="forecast-run-status"]').waitFor()
      await page
        .locator('[data-testid="forecast-run-status"][data-status="completed"]')
        .waitFor({ timeout: RUN_TIMEOUT_MS })
      const progress = await page.locator('[data-testid="forecast-run-status"]').innerText()
      expect(/(\d+) of \1 series/.test(progress), `progress reads "${progress}"`)
      await policyRows.first().waitFor()
      await shot("en-policies")
    })

    await check("lists policies with a forecast sparkline, levels and status, 20 a page", async () => {
      const rows = await policyRows.count()
      expect(rows > 0 && rows <= 20, `${rows} policy rows`)
      const path = await policyRows.first().locator('[data-testid="forecast-sparkline"] path').last().getAttribute("d")
      expect(/^M[\d.]+ [\d.]+( L[\d.]+ [\d.]+){27}$/.test(path ?? ""), `sparkline path "${path}"`)
      const statuses = await policyRows.locator("[data-status]").evaluateAll((els) => els.map((e) => e.getAttribute("data-status")))
      expect(statuses.every((s) => ["ok", "below_reorder_point", "untracked"].includes(s)), `statuses ${statuses}`)
    })

    await check("explains in the drawer a cycle target met by the shop's items together", async () => {
      expect(!!databaseUrl, "needs DATABASE_URL to find a grouped policy")
      const ids = await policyRows.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-policy-id")))
      const grouped = await groupedPolicies(databaseUrl, ids)
      const id = ids.find((i) => grouped.has(i))
      expect(!!id, `none of the ${ids.length} policies on the page was planned in a service group`)
      await page.locator(`tr[data-policy-id="${id}"]`).click()
      const text = await page.locator('[data-testid="policy-service-group"]').innerText()
      expect(/^Planned at [\d.]+% cycle service for this item: the shop's [\d.]+% target is met by \d+ of its items/.test(text), `drawer says "${text}"`)
      await page.keyboard.press("Escape")
      await page.locator('[data-testid="policy-override-drawer"]').waitFor({ state: "detached" })
    })

    await check("filters policies below their reorder point", async () => {
      await page.locator('[data-testid="filter-policy-status"]').click()
      await page.getByRole("option", { name: "Below reorder point" }).click()
      await page.waitForFunction(() => {
        const rows = [...document.querySelectorAll('[data-testid="policies-table"] tbody tr')]
        return rows.every((r) => r.querySelector('[data-status="below_reorder_point"]'))
      })
      await shot("en-policies-below")
      await page.locator('[data-testid="filter-policy-status"]').click()
      await page.getByRole("option", { name: "Any stock status" }).click()
    })

    await check("saves a min/max override from the policy drawer and marks the row", async () => {
      const row = policyRows.first()
      const id = await row.getAttribute("data-policy-id")
      // The dashboard renders links with its /app basename.
      const href = await row.locator("a").first().getAttribute("href")
      variantUrl = href && (href.startsWith("/app/") ? href : `/app${href}`)
      await row.click()
      const drawer = page.locator('[data-testid="policy-override-drawer"]')
      await drawer.waitFor()
      await drawer.locator("#override-max").fill("3")
      await drawer.locator("#override-min").fill("5")
      await page.locator('[data-testid="policy-override-submit"]').click()
      await drawer.getByText("The maximum must be at least the minimum").waitFor()
      await drawer.locator("#override-max").fill("20")
      await page.locator('[data-testid="policy-override-submit"]').click()
      await drawer.waitFor({ state: "detached" })
      const marked = page.locator(`tr[data-policy-id="${id}"] [data-testid="override-markers"]`)
      await marked.locator('[data-override="min"]').waitFor()
      await marked.locator('[data-override="max"]').waitFor()
    })

    await check("approves a selected proposal and refreshes the list", async () => {
      await page.locator('[data-testid="tab-proposals"]').click()
      await proposalRows.first().waitFor()
      const id = await proposalRows.first().getAttribute("data-proposal-id")
      expect(id, "no open proposal after the run")
      await proposalRows.first().getByRole("checkbox").click()
      await page.locator('[data-testid="proposals-selected"]').waitFor()
      await shot("en-proposals")
      await page.locator('[data-testid="proposals-approve"]').click()
      await page.getByText(/1 proposal approved/).first().waitFor()
      await page.locator(`tr[data-proposal-id="${id}"]`).waitFor({ state: "detached" })
      await page.locator('[data-testid="filter-proposal-status"]').click()
      await page.getByRole("option", { name: "Approved", exact: true }).click()
      await page.locator(`tr[data-proposal-id="${id}"][data-status="approved"]`).waitFor()
      await page.locator('[data-testid="proposals-refresh"]').click()
      await page.getByText(/Proposals refreshed: \d+ new, \d+ updated, \d+ closed/).first().waitFor()
    })

    const aged = await ageShopStock(databaseUrl, shopCode).catch(() => false)
    await check("lists slow movers with cover, sell-through and last sale", async () => {
      await page.locator('[data-testid="tab-slow-movers"]').click()
      await page.locator('[data-testid="slow-movers-tab"]').waitFor()
      await page.getByText("Sold, 8 weeks").waitFor()
      if (aged) await slowRows.first().waitFor()
      await shot("en-slow-movers")
    })
    if (aged) {
      await check("creates a draft clearance promotion from selected slow movers and links to it", async () => {
        await slowRows.first().getByRole("checkbox").click()
        await page.locator("#clearance-percentage").fill("95")
        await page.locator('[data-testid="clearance-submit"]').click()
        await page.getByText("Enter a whole percentage from 1 to 90").waitFor()
        await page.locator("#clearance-percentage").fill("30")
        await page.locator('[data-testid="clearance-submit"]').click()
        const link = page.locator('[data-testid="clearance-link"]')
        await link.waitFor()
        const href = await link.getAttribute("href")
        expect(/\/app\/promotions\/promo_/.test(href ?? ""), `promotion link ${href}`)
        await shot("en-clearance")
        await link.click()
        await page.waitForURL((u) => u.pathname.startsWith("/app/promotions/promo_"))
        await page.getByText("Draft").first().waitFor()
      })
    } else {
      console.log("  - clearance promotion not checked: no database connection to age the shop's stock")
    }

    await check("shows the variant's demand history and forecast in the variant page widget", async () => {
      expect(variantUrl, "no variant link in the policies table")
      await page.goto(`${base}${variantUrl}`)
      const widget = page.locator('[data-testid="variant-demand-widget"]')
      await widget.waitFor()
      await widget.locator('[data-testid="demand-chart"]').waitFor()
      expect((await widget.locator('[data-testid="chart-bars"] rect').count()) > 0, "no bars in the chart")
      const line = await widget.locator('[data-testid="chart-forecast"] path').last().getAttribute("d")
      expect(/^M/.test(line ?? ""), "no forecast line")
      await widget.getByText(/sold in 90 days/).waitFor()
      await widget.screenshot({ path: join(outDir, "replenishment-en-variant-widget.png") })
    })

    await check("shows the replenishment page and the widget in 中文", async () => {
      await setLanguage("zhCN")
      await page.goto(replenishmentUrl)
      await page.getByRole("heading", { name: "补货" }).first().waitFor()
      await page.getByRole("tab", { name: "库存策略" }).waitFor()
      await page.getByRole("tab", { name: "补货建议" }).waitFor()
      await page.getByRole("tab", { name: "滞销商品" }).waitFor()
      await page.getByRole("button", { name: "为本店运行预测" }).waitFor()
      await policyRows.first().waitFor()
      await page.getByText("再订货点").first().waitFor()
      await shot("zh-CN-policies")
      await page.locator('[data-testid="tab-proposals"]').click()
      await page.getByRole("button", { name: "批准所选" }).waitFor()
      await shot("zh-CN-proposals")
      await page.goto(`${base}${variantUrl}`)
      const widget = page.locator('[data-testid="variant-demand-widget"]')
      await widget.getByRole("heading", { name: "需求与预测" }).waitFor()
      await widget.getByText(/天共售出/).waitFor()
      await widget.screenshot({ path: join(outDir, "replenishment-zh-CN-variant-widget.png") })
      await setLanguage("en")
    })

    await check("picks the shop on the sidebar Replenishment page", async () => {
      await page.goto(`${base}/app/replenishment`)
      await page.getByText("Choose a shop to see its forecasts").waitFor()
      await page.locator('[data-testid="replenishment-shop-picker"]').click()
      await page.getByRole("option", { name: new RegExp(`^${shopCode} `) }).click()
      await page.locator(`[data-testid="replenishment-page"][data-shop-code="${shopCode}"]`).waitFor()
      await policyRows.first().waitFor()
      expect(/shop_id=/.test(page.url()), "the shop is not kept in the address")
      await shot("en-sidebar-page")
    })

    await noPageErrors()
  } finally {
    await close()
  }
  return results
}
