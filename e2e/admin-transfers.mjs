// Transfer documents in the admin, in a real browser (Debian's Chromium driven by playwright-core):
// from a shop's page open its transfers, create a transfer of two products to a second shop
// through the form (variant search by SKU), approve it with one line cut (a refused quantity
// first), ship it, receive it with the barcode-scanner field (the SKU typed and Enter, an unknown
// code refused) plus a damaged unit, and read the status, the lines and the movement log; a
// draft of more than the source holds submitted, its approval refused with the API's message,
// then cancelled with a reason; then in 中文 a second transfer received in
// part and closed short; and the clearance widget on Medusa's promotion page.
// Screenshots go to test-results/e2e/transfers-*.png.
import { join } from "node:path"
import { openAdmin } from "./lib/admin-browser.mjs"

export async function runAdminTransfers({ base, email, password, shopCode, outDir, destinationCode }) {
  const { page, results, check, shot, expect, setLanguage, api, pickOption, logIn, noPageErrors, close } = await openAdmin({ outDir, name: "transfers" })
  const detail = page.locator('[data-testid="transfer-detail"]')
  const waitStatus = (status) => page.locator(`[data-testid="transfer-detail"][data-status="${status}"]`).waitFor()
  const lineRow = (sku) => page.locator(`[data-testid="transfer-lines"] tr[data-sku="${sku}"]`)
  const cell = async (sku, field) => (await lineRow(sku).locator(`[data-field="${field}"]`).innerText()).trim()
  const movementKinds = () =>
    page.locator('[data-testid="transfer-movements"] tbody tr').evaluateAll((rows) => rows.map((r) => `${r.dataset.action}/${r.dataset.kind}`))

  destinationCode = destinationCode ?? "KM-002"
  let source = null
  let destination = null
  let skus = []
  let transferUrl = null
  let transferNumber = null

  try {
    await check("logs into /app", async () => {
      await logIn(base, email, password)
      await setLanguage("en")
    })

    await check(`finds two SKUs with stock at ${shopCode}`, async () => {
      const shops = await api(`/admin/shops?q=${encodeURIComponent(shopCode)}&limit=50`)
      source = shops.shops.find((s) => s.code === shopCode)
      const dest = await api(`/admin/shops?q=${encodeURIComponent(destinationCode)}&limit=50`)
      destination = dest.shops.find((s) => s.code === destinationCode)
      expect(source && destination, `shops ${shopCode} / ${destinationCode} not found`)
      const items = await api(
        `/admin/inventory-items?limit=500&fields=id,sku,location_levels.location_id,location_levels.stocked_quantity,location_levels.reserved_quantity`
      )
      skus = items.inventory_items
        .filter((i) => i.sku && (i.location_levels ?? []).some((l) => l.location_id === source.stock_location_id && l.stocked_quantity - l.reserved_quantity >= 10))
        .map((i) => i.sku)
        .slice(0, 3)
      expect(skus.length >= 3, `only ${skus.length} SKUs with 10 units at ${shopCode}`)
    })

    await check(`opens the transfers of ${shopCode} from its page`, async () => {
      await page.goto(`${base}/app/shops/${source.id}`)
      await page.locator('[data-testid="shop-transfers"]').click()
      await page.locator('[data-testid="transfers-page"]').waitFor()
      await page.getByRole("heading", { name: "Transfers" }).first().waitFor()
      expect(new URL(page.url()).searchParams.get("shop_id") === source.id, `URL ${page.url()} lacks the shop`)
      // The picker names the shop once the shop list has loaded.
      await page.locator('[data-testid="transfers-shop-picker"]').getByText(shopCode).waitFor()
    })

    await check("creates a transfer of two products to a second shop through the form", async () => {
      await page.locator('[data-testid="transfers-create"]').click()
      const form = page.locator('[data-testid="transfer-form"]')
      await form.waitFor()
      // The board's shop is the source.
      await page.locator('[data-testid="transfer-source"]').getByText(shopCode).waitFor()
      // An empty submit names what is missing.
      await page.locator('[data-testid="transfer-form-submit"]').click()
      await form.getByText("Choose where it goes.").waitFor()
      await form.getByText("Choose a product.").waitFor()
      const fillLine = async (i, sku, quantity) => {
        const row = page.locator('[data-testid="transfer-form-line"]').nth(i)
        await pickOption(row.locator('[data-testid="transfer-line-destination"]'), new RegExp(`^${destinationCode} `))
        await row.locator('[data-testid="transfer-line-variant"] input').fill(sku)
        await page.locator(`[data-testid="variant-option"][data-sku="${sku}"]`).first().click()
        await row.locator(`[data-testid="transfer-line-variant"][data-sku="${sku}"]`).waitFor()
        await row.locator('[data-testid="transfer-line-quantity"]').fill(String(quantity))
      }
      await fillLine(0, skus[0], 3)
      await page.locator('[data-testid="transfer-form-add-line"]').click()
      await fillLine(1, skus[1], 2)
      await page.locator("#transfer-reason").fill("e2e: weekend promotion at the second shop")
      await shot("en-form")
      await page.locator('[data-testid="transfer-form-submit"]').click()
      await waitStatus("requested")
      transferUrl = page.url()
      transferNumber = await detail.getAttribute("data-transfer-number")
      expect(/^\/app\/transfers\/tr_/.test(new URL(transferUrl).pathname), `unexpected URL ${transferUrl}`)
      expect(/^TR-/.test(transferNumber ?? ""), `number ${transferNumber}`)
      expect((await page.locator('[data-testid="transfer-lines"] tbody tr').count()) === 2, "two lines expected")
      expect((await cell(skus[0], "requested")) === "3", "line 1 requested")
      await page.locator('[data-testid="transfer-movements-empty"]').waitFor()
    })

    await check("lists it on the board under Requested, found by its number", async () => {
      await page.goto(`${base}/app/transfers?shop_id=${source.id}`)
      const row = page.locator(`[data-testid="transfers-table"] tr[data-transfer-number="${transferNumber}"]`)
      await row.waitFor()
      expect((await row.getAttribute("data-status")) === "requested", "row status")
      const text = await row.innerText()
      expect(text.includes(shopCode) && /\b5\b/.test(text), `row reads "${text}"`)
      await page.locator('input[name="q"]').fill(transferNumber)
      await page.waitForFunction(() => new URL(location.href).searchParams.get("q"))
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="transfers-table"] tbody tr').length === 1)
      await page.locator('[data-testid="transfers-tab-closed"]').click()
      await page.getByText("No transfers here.").waitFor()
      await page.locator('[data-testid="transfers-tab-requested"]').click()
      await row.waitFor()
      await shot("en-board")
      await row.locator("a").first().click()
      await waitStatus("requested")
    })

    await check("approves with one line cut, after a refused quantity", async () => {
      expect(await page.locator('[data-testid="transfer-action-approve"]').isVisible(), "no approve button")
      expect(!(await page.locator('[data-testid="transfer-action-ship"]').count()), "ship offered before approval")
      await page.locator('[data-testid="transfer-action-approve"]').click()
      const form = page.locator('[data-testid="transfer-approve-form"]')
      await form.locator(`tr[data-sku="${skus[1]}"] [data-testid="line-quantity"]`).fill("9")
      await page.locator('[data-testid="transfer-approve-submit"]').click()
      await form.getByText("At most 2.").waitFor()
      await form.locator(`tr[data-sku="${skus[1]}"] [data-testid="line-quantity"]`).fill("1")
      await page.locator('[data-testid="transfer-approve-submit"]').click()
      await waitStatus("approved")
      expect((await cell(skus[1], "approved")) === "1", "line 2 approved 1")
      const kinds = await movementKinds()
      expect(kinds.join() === "approve/reserve,approve/reserve", `movements ${kinds}`)
    })

    await check("ships every approved unit", async () => {
      await page.locator('[data-testid="transfer-action-ship"]').click()
      const form = page.locator('[data-testid="transfer-ship-form"]')
      expect((await form.locator(`tr[data-sku="${skus[0]}"] [data-testid="line-quantity"]`).inputValue()) === "3", "ship defaults to approved")
      await page.locator('[data-testid="transfer-ship-submit"]').click()
      await waitStatus("in_transit")
      expect((await cell(skus[0], "in_transit")) === "3", "line 1 in transit")
      expect((await cell(skus[1], "in_transit")) === "1", "line 2 in transit")
      const expected = await cell(skus[0], "expected")
      expect(/GMT\+8|–/.test(expected), `expected arrival "${expected}"`)
      expect(!(await page.locator('[data-testid="transfer-action-cancel"]').count()), "cancel offered after shipping")
    })

    await check("receives with the barcode scanner (SKU + Enter), an unknown code refused, and a damaged unit", async () => {
      await page.locator('[data-testid="transfer-action-receive"]').click()
      const form = page.locator('[data-testid="transfer-receive-form"]')
      const scanner = page.locator('[data-testid="transfer-scanner"]')
      await scanner.waitFor()
      for (let i = 0; i < 3; i++) {
        await scanner.pressSequentially(skus[0].toLowerCase(), { delay: 5 })
        await scanner.press("Enter")
      }
      await form.locator('[data-testid="scan-result"]').getByText(`${skus[0]}: 3 received`).waitFor()
      expect((await form.locator(`tr[data-sku="${skus[0]}"] [data-testid="receive-received"]`).inputValue()) === "3", "3 scans → 3 received")
      await scanner.pressSequentially("NOT-A-SKU-42")
      await scanner.press("Enter")
      await form.locator('[data-testid="scan-error"]').getByText("“NOT-A-SKU-42” is not on this transfer.").waitFor()
      expect((await scanner.inputValue()) === "", "scanner cleared after a scan")
      await form.locator(`tr[data-sku="${skus[1]}"] [data-testid="receive-damaged"]`).fill("1")
      await shot("en-receive")
      await page.locator('[data-testid="transfer-receive-submit"]').click()
      await waitStatus("received")
      expect((await cell(skus[0], "received")) === "3", "line 1 received 3")
      expect((await cell(skus[1], "damaged")) === "1", "line 2 damaged 1")
      expect((await cell(skus[0], "in_transit")) === "0", "nothing left in transit")
    })

    await check("shows the movement log of the whole lifecycle", async () => {
      const kinds = await movementKinds()
      const want = ["approve/reserve", "approve/reserve", "ship/release", "ship/ship", "ship/ship", "ship/release", "ship/ship", "ship/ship", "receive/receive", "receive/damage"]
      expect(kinds.slice().sort().join() === want.slice().sort().join(), `movements ${kinds}`)
      const receive = page.locator('[data-testid="transfer-movements"] tr[data-kind="receive"]')
      expect((await receive.locator('[data-field="stocked"]').innerText()).trim() === "+3", "receive stocks +3")
      expect((await receive.locator('[data-field="incoming"]').innerText()).trim() === "−3", "receive clears incoming −3")
      const text = await receive.innerText()
      expect(text.includes(destinationCode) && text.includes(skus[0]), `receive row reads "${text}"`)
      expect(!(await page.locator('[data-testid="transfer-actions"] button').count()), "a received transfer offers no action")
      await shot("en-received")
    })

    await check("saves a draft, submits it, shows the API's refusal of its approval (409), then cancels it with a reason", async () => {
      await page.goto(`${base}/app/transfers/create`)
      await pickOption(page.locator('[data-testid="transfer-source"]'), new RegExp(`^${shopCode} `))
      const row = page.locator('[data-testid="transfer-form-line"]').first()
      await pickOption(row.locator('[data-testid="transfer-line-destination"]'), new RegExp(`^${shopCode} `))
      await row.locator('[data-testid="transfer-line-variant"] input').fill(skus[2])
      await page.locator(`[data-testid="variant-option"][data-sku="${skus[2]}"]`).first().click()
      // More than the source holds: the approval will be refused.
      await row.locator('[data-testid="transfer-line-quantity"]').fill("100000")
      await page.locator('[data-testid="transfer-form-draft"]').click()
      await page.getByText("Pick a shop other than the source.").waitFor()
      await pickOption(row.locator('[data-testid="transfer-line-destination"]'), new RegExp(`^${destinationCode} `))
      await page.locator('[data-testid="transfer-form-draft"]').click()
      await waitStatus("draft")
      await page.locator('[data-testid="transfer-action-request"]').click()
      await waitStatus("requested")
      await page.locator('[data-testid="transfer-action-approve"]').click()
      await page.locator('[data-testid="transfer-approve-submit"]').click()
      const refusal = page.locator('[data-testid="transfer-approve-form"] [data-testid="transfer-action-error"]')
      await refusal.getByText(/not enough \S+ at the source to approve it: \d+ needed, \d+ available/).waitFor()
      expect((await refusal.getAttribute("data-code")) === "insufficient_stock", "the 409's code is kept")
      await refusal.getByText("The source does not have enough stock for this.").waitFor()
      await shot("en-approve-refused")
      await waitStatus("requested")
      await page.getByRole("button", { name: "Back", exact: true }).click()
      await page.locator('[data-testid="transfer-action-cancel"]').click()
      const drawer = page.locator('[data-testid="transfer-reason-drawer"]')
      await page.locator('[data-testid="transfer-reason-submit"]').click()
      await drawer.getByText("Give a reason.").waitFor()
      await page.locator("#transfer-action-reason").fill("e2e: no longer needed")
      await page.locator('[data-testid="transfer-reason-submit"]').click()
      await waitStatus("cancelled")
      await page.locator('[data-testid="transfer-cancelledAt"]').waitFor()
      await page.goto(`${base}/app/transfers?tab=closed`)
      await page.locator('[data-testid="transfers-table"] tr[data-status="cancelled"]').first().waitFor()
      const statuses = await page.locator('[data-testid="transfers-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.status))
      expect(statuses.includes("cancelled") && statuses.includes("received"), `closed tab shows ${statuses}`)
      expect(statuses.every((s) => ["cancelled", "received", "draft", "closed_short"].includes(s)), `closed tab shows ${statuses}`)
    })

    await check("in 中文: a transfer received in part with the scanner, then closed short with a reason", async () => {
      await setLanguage("zhCN")
      await page.goto(`${base}/app/transfers?shop_id=${source.id}`)
      await page.getByRole("heading", { name: "调拨" }).first().waitFor()
      await page.getByRole("tab", { name: /待审批/ }).waitFor()
      await page.getByRole("tab", { name: /在途/ }).first().waitFor()
      await page.getByRole("link", { name: "新建调拨单" }).click()
      await page.getByRole("heading", { name: "新建调拨单" }).waitFor()
      const row = page.locator('[data-testid="transfer-form-line"]').first()
      await pickOption(row.locator('[data-testid="transfer-line-destination"]'), new RegExp(`^${destinationCode} `))
      await row.locator('[data-testid="transfer-line-variant"] input').fill(skus[2])
      await page.locator(`[data-testid="variant-option"][data-sku="${skus[2]}"]`).first().click()
      await row.locator('[data-testid="transfer-line-quantity"]').fill("4")
      await page.getByRole("button", { name: "提交申请" }).click()
      await waitStatus("requested")
      await page.getByRole("button", { name: "审批", exact: true }).click()
      await page.getByRole("button", { name: "批准", exact: true }).click()
      await waitStatus("approved")
      await page.getByRole("button", { name: "发货", exact: true }).click()
      await page.getByRole("button", { name: "确认发货" }).click()
      await waitStatus("in_transit")
      await page.getByRole("button", { name: "收货", exact: true }).click()
      const scanner = page.getByPlaceholder("扫描或输入 SKU / 条码后按回车")
      for (let i = 0; i < 2; i++) {
        await scanner.pressSequentially(skus[2])
        await scanner.press("Enter")
      }
      await page.getByText(`${skus[2]}：本行已收 2 件`).waitFor()
      await page.getByRole("button", { name: "确认收货" }).click()
      await waitStatus("partially_received")
      await page.getByText("库存流水").waitFor()
      await page.getByRole("columnheader", { name: "预计到达" }).waitFor()
      await page.getByRole("button", { name: "短收关闭", exact: true }).click()
      await page.locator("#transfer-action-reason").fill("e2e：两件在途丢失")
      await page.locator('[data-testid="transfer-reason-submit"]').click()
      await waitStatus("closed_short")
      expect((await page.locator('[data-testid="transfer-status"]').first().innerText()).includes("短收关闭"), "status badge not in Chinese")
      const closed = page.locator('[data-testid="transfer-movements"] tr[data-kind="close_short"]')
      expect((await closed.locator('[data-field="quantity"]').innerText()).trim() === "2", "2 units closed short")
      expect((await closed.innerText()).includes("e2e：两件在途丢失"), "reason in the movement log")
      await shot("zh-CN-closed-short")
      await setLanguage("en")
    })

    await check("shows a clearance promotion's variants on Medusa's promotion page", async () => {
      const variants = await api(`/admin/product-variants?sku=${encodeURIComponent(skus[0])}&fields=id,sku`)
      const { promotion } = await api("/admin/replenishment/slow-movers/clearance", {
        method: "POST",
        body: JSON.stringify({ shop_id: source.id, variant_ids: [variants.variants[0].id], percentage: 20 }),
      })
      await page.goto(`${base}/app/promotions/${promotion.id}`)
      const widget = page.locator('[data-testid="promotion-clearance-widget"]')
      await widget.getByRole("heading", { name: "Clearance items" }).waitFor()
      await widget.locator(`tr[data-sku="${skus[0]}"]`).waitFor()
      await widget.locator('[data-testid="promotion-clearance-shop"]').waitFor()
      expect((await widget.innerText()).includes(shopCode), "the widget names the shop")
      await widget.screenshot({ path: join(outDir, "transfers-en-clearance-widget.png") })
    })

    await noPageErrors()
  } finally {
    await close()
  }
  return results
}
