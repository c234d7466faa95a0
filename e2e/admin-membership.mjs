// The membership admin in a real browser (Debian's Chromium driven by playwright-core). The data
// it needs is made through the APIs first, whatever the demo seeded: a shopper signs up and joins
// through the Store API (the ladder is made through the Admin API only when there is none), and
// gets 300 points by an admin credit. Then: the members list with the points liability, a search
// by email (and by a demo phone in another format when the demo has members), the member page,
// an adjustment refused for a missing reason and for too many points (409 insufficient_points),
// then posted and seen in the balances and the ledger (kind filter), the widget on Medusa's
// customer page (member and not a member), the tier ladder against the API, an earn rule added
// and deleted, the programme form, and the pages again in 中文.
// Screenshots go to test-results/e2e/membership-*.png.
import { join } from "node:path"
import { openAdmin } from "./lib/admin-browser.mjs"

export async function runAdminMembership({ base, email, password, outDir }) {
  const { page, results, check, shot, expect, setLanguage, api, pickOption, logIn, noPageErrors, close } = await openAdmin({ outDir, name: "membership" })
  /** The Store and auth APIs as a storefront calls them (bearer token, publishable key). */
  const store = async (path, { token, key, body } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: body ? "POST" : "GET",
      headers: {
        "content-type": "application/json",
        ...(key ? { "x-publishable-api-key": key } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    })
    const answer = await res.json().catch(() => null)
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(answer)}`)
    return answer
  }
  const balance = async (field) =>
    (await page.locator(`[data-testid="balance-${field}"] [data-field="value"]`).innerText()).trim()
  const waitBalance = async (field, value) => {
    await page.waitForFunction(
      ([f, v]) => document.querySelector(`[data-testid="balance-${f}"] [data-field="value"]`)?.textContent?.trim() === v,
      [field, value]
    )
  }

  const stamp = Date.now().toString(36)
  const shopperEmail = `e2e-member-${stamp}@example.cn`
  const lastName = `Member${stamp}`
  let member = null
  let customerId = null
  let tiers = []
  let demoPhoneMember = null

  try {
    await check("logs into /app", async () => {
      await logIn(base, email, password)
      await setLanguage("en")
    })

    await check("a shopper joins through the Store API and gets 300 points from an admin credit", async () => {
      tiers = (await api("/admin/member-tiers")).tiers
      if (!tiers.length) {
        // No demo ladder (yet): the two rungs this check needs.
        for (const t of [
          { code: "e2e-basic", name: "普通", name_en: "Member", rank: 0, points_multiplier: 1 },
          { code: "e2e-gold", name: "金卡", name_en: "Gold", rank: 1, qualify_spend: 5000, points_multiplier: 1.5 },
        ]) {
          await api("/admin/member-tiers", { method: "POST", body: JSON.stringify(t) })
        }
        tiers = (await api("/admin/member-tiers")).tiers
      }
      const { program } = await api("/admin/member-program")
      const keys = await api("/admin/api-keys?type=publishable&limit=1&fields=id,token")
      const key = keys.api_keys[0]?.token
      expect(key, "no publishable API key")
      const { token: regToken } = await store("/auth/customer/emailpass/register", { body: { email: shopperEmail, password: "s3cret-Pass" } })
      const { customer } = await store("/store/customers", { token: regToken, key, body: { email: shopperEmail, first_name: "E2E", last_name: lastName } })
      customerId = customer.id
      const { token } = await store("/auth/customer/emailpass", { body: { email: shopperEmail, password: "s3cret-Pass" } })
      member = (await store("/store/members", { token, key, body: { consent_version: program.consent_version } })).member
      expect(member.tier?.id === tiers[0].id, `joined on ${member.tier?.code}, not the lowest rung ${tiers[0].code}`)
      await api(`/admin/members/${member.id}/adjustments`, { method: "POST", body: JSON.stringify({ points: 300, reason: "e2e: welcome credit" }) })
      const demo = await api(`/admin/members?q=${encodeURIComponent("+8613800000001")}&limit=1`)
      demoPhoneMember = demo.members[0] ?? null
    })

    await check("the members list shows the liability in ¥ and finds the member by email", async () => {
      const liability = (await api("/admin/members/liability")).liability
      await page.goto(`${base}/app/members`)
      await page.locator('[data-testid="members-page"]').waitFor()
      await page.getByRole("heading", { name: "Members" }).first().waitFor()
      await page.getByRole("link", { name: "Members" }).first().waitFor()
      const total = page.locator('[data-testid="liability-total"] [data-field="value"]')
      await page.waitForFunction(() => /¥/.test(document.querySelector('[data-testid="liability-total"] [data-field="value"]')?.textContent ?? ""))
      const shown = Number((await total.innerText()).replace(/[^\d.]/g, ""))
      expect(Math.abs(shown - liability.total_amount) < 0.01, `liability ${shown} ≠ API ${liability.total_amount}`)
      expect(liability.available >= 300, `liability counts the credit (${liability.available})`)
      await page.locator('[data-testid="members-table"] tbody tr').first().waitFor()
      await shot("en-list")
      await page.locator('input[name="q"]').fill(shopperEmail)
      await page.waitForFunction((id) => {
        const rows = document.querySelectorAll('[data-testid="members-table"] tbody tr')
        return rows.length === 1 && rows[0].getAttribute("data-member-id") === id
      }, member.id)
      expect(new URL(page.url()).searchParams.get("q") === shopperEmail, "the search is in the address bar")
      const row = page.locator(`tr[data-member-id="${member.id}"]`)
      expect((await row.locator('[data-field="available"]').innerText()).trim() === "300", "300 available in the row")
      expect((await row.innerText()).includes(lastName), "the customer's name in the row")
      // The tier filter narrows to the member's rung and keeps the member.
      await pickOption(page.locator('[data-testid="members-tier-filter"]'), tiers[0].name_en ?? tiers[0].name)
      await page.waitForURL((u) => u.searchParams.get("tier_id") === tiers[0].id)
      await row.waitFor()
      await shot("en-search")
    })

    await check("a demo member is found by a phone typed another way (when the demo has members)", async () => {
      if (!demoPhoneMember) return console.log("    (no demo members: skipped)")
      await page.goto(`${base}/app/members?q=${encodeURIComponent("138 0000 0001")}`)
      await page.waitForFunction((id) => {
        const rows = document.querySelectorAll('[data-testid="members-table"] tbody tr')
        return rows.length === 1 && rows[0].getAttribute("data-member-id") === id
      }, demoPhoneMember.id)
      const phone = await page.locator(`tr[data-member-id="${demoPhoneMember.id}"] td`).first().innerText()
      expect(phone.includes("*") && phone.endsWith("0001"), `phone shown masked (${phone})`)
    })

    await check("opens the member page: tier, balances, progress, identities, history, ledger", async () => {
      await page.goto(`${base}/app/members?q=${encodeURIComponent(shopperEmail)}`)
      await page.locator(`tr[data-member-id="${member.id}"] a`).first().click()
      await page.locator(`[data-testid="member-detail"][data-member-id="${member.id}"]`).waitFor()
      await waitBalance("available", "300")
      expect((await balance("spendable")) === "300", "300 spendable")
      expect((await balance("pending")) === "0", "0 pending")
      const badge = page.locator('[data-testid="member-detail"] [data-testid="tier-badge"]').first()
      expect((await badge.getAttribute("data-tier-code")) === tiers[0].code, "tier badge")
      if (tiers.length > 1) {
        await page.locator(`[data-testid="member-progress"][data-next-tier="${tiers[1].code}"]`).waitFor()
        expect((await page.locator('[data-testid="member-progress"]').innerText()).includes(`Next tier: ${tiers[1].name_en ?? tiers[1].name}`), "next tier named")
      }
      await page.locator('[data-testid="member-tier-history"] li[data-reason="join"]').waitFor()
      await page.locator('[data-testid="member-identities"]').waitFor()
      await page.locator('[data-testid="member-ledger"] tr[data-kind="adjust"][data-points="300"]').waitFor()
      const first = page.locator('[data-testid="member-ledger"] tbody tr').first()
      expect((await first.locator('[data-field="reason"]').innerText()).includes("e2e: welcome credit"), "the credit's reason in the ledger")
      expect((await first.locator('[data-field="actor"]').innerText()).includes("Admin user"), "posted by an admin user")
      await shot("en-member")
    })

    await check("an adjustment: refused without a reason and beyond the balance (409), then posted into the ledger", async () => {
      await page.locator('[data-testid="member-adjust"]').click()
      const drawer = page.locator('[data-testid="adjust-drawer"]')
      await drawer.waitFor()
      await page.locator("#adjust-points").fill("-120")
      await page.locator('[data-testid="adjust-submit"]').click()
      await drawer.getByText("Say why (at least 3 characters).").waitFor()
      await page.locator("#adjust-points").fill("-1000")
      await page.locator("#adjust-reason").fill("e2e: more than the member has")
      await page.locator('[data-testid="adjust-submit"]').click()
      const error = page.locator('[data-testid="adjust-error"][data-code="insufficient_points"]')
      await error.waitFor()
      expect((await error.innerText()).includes("Not enough points: the member has 300 spendable."), "the 409 said in the admin's words")
      await shot("en-adjust-refused")
      expect((await balance("available")) === "300", "nothing changed")
      await page.locator("#adjust-points").fill("-120")
      await page.locator("#adjust-reason").fill("e2e: goodwill correction")
      await page.locator('[data-testid="adjust-submit"]').click()
      await drawer.waitFor({ state: "detached" })
      await waitBalance("available", "180")
      const first = page.locator('[data-testid="member-ledger"] tbody tr').first()
      await page.waitForFunction(() => document.querySelector('[data-testid="member-ledger"] tbody tr')?.getAttribute("data-points") === "-120")
      expect((await first.getAttribute("data-kind")) === "adjust", "an adjust entry")
      expect((await first.locator('[data-field="points"]').innerText()).includes("−120"), "−120 shown")
      expect((await first.locator('[data-field="reason"]').innerText()).includes("e2e: goodwill correction"), "its reason")
      const ledger = (await api(`/admin/members/${member.id}/points?limit=5`)).entries
      expect(ledger[0].points === -120 && ledger[0].reason === "e2e: goodwill correction", "the API has it too")
      expect(ledger.filter((e) => e.points === -1000).length === 0, "the refused one was not posted")
      // The kind filter: only adjustments (the credit and the debit).
      await pickOption(page.locator('[data-testid="ledger-kind-filter"]'), "Adjustment")
      await page.waitForFunction(() => document.querySelector('[data-testid="member-ledger"]')?.getAttribute("data-count") === "2")
      await shot("en-adjusted")
    })

    await check("the widget on Medusa's customer page: the member, and 'Not a member.' for another customer", async () => {
      await page.goto(`${base}/app/customers/${customerId}`)
      const widget = page.locator(`[data-testid="customer-member-widget"][data-member-id="${member.id}"]`)
      await widget.waitFor()
      await widget.getByRole("heading", { name: "Membership" }).waitFor()
      expect((await widget.locator('[data-testid="customer-member-available"]').innerText()).includes("180"), "180 available in the widget")
      await widget.screenshot({ path: join(outDir, "membership-en-customer-widget.png") })
      await widget.locator('[data-testid="customer-member-link"]').click()
      await page.locator(`[data-testid="member-detail"][data-member-id="${member.id}"]`).waitFor()
      const { customer } = await api("/admin/customers", { method: "POST", body: JSON.stringify({ email: `e2e-nonmember-${stamp}@example.cn` }) })
      await page.goto(`${base}/app/customers/${customer.id}`)
      await page.locator('[data-testid="customer-member-none"]').waitFor()
    })

    await check("the tier ladder as the API has it, with member counts and customer groups", async () => {
      await page.goto(`${base}/app/members/settings`)
      await page.locator('[data-testid="tiers-table"]').waitFor()
      await page.locator(`[data-testid="tiers-table"] tr[data-tier-code="${tiers[tiers.length - 1].code}"]`).waitFor()
      const codes = await page.locator('[data-testid="tiers-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.tierCode))
      const fresh = (await api("/admin/member-tiers")).tiers
      expect(JSON.stringify(codes) === JSON.stringify(fresh.map((t) => t.code)), `ladder ${codes} ≠ API ${fresh.map((t) => t.code)}`)
      const lowest = page.locator(`[data-testid="tiers-table"] tr[data-tier-code="${fresh[0].code}"]`)
      expect((await lowest.locator('[data-field="members"]').innerText()).trim() === new Intl.NumberFormat("en-US").format(fresh[0].member_count), "member count of the lowest rung")
      if (fresh[0].customer_group_id) await lowest.locator('[data-testid="tier-group-link"]').waitFor()
      // Editing a rung: a bad multiplier is refused in the form, nothing is sent.
      await lowest.click()
      await page.locator('[data-testid="tier-drawer"]').waitFor()
      await page.locator("#tier-points_multiplier").fill("99")
      await page.locator('[data-testid="tier-submit"]').click()
      await page.locator('[data-testid="tier-drawer"]').getByText("A number from 0 to 20.").waitFor()
      await page.keyboard.press("Escape")
      await page.locator('[data-testid="tier-drawer"]').waitFor({ state: "detached" })
      await shot("en-ladder")
    })

    await check("an earn rule added (a missing multiplier refused first) and deleted; the programme form", async () => {
      await page.locator('[data-testid="membership-tab-rules"]').click()
      await page.locator('[data-testid="earn-rules-section"]').waitFor()
      await page.locator('[data-testid="rule-add"]').click()
      await page.locator('[data-testid="rule-drawer"]').waitFor()
      const name = `E2E Sunday ${stamp}`
      await page.locator("#rule-name").fill(name)
      await page.locator('[data-testid="rule-submit"]').click()
      await page.locator('[data-testid="rule-drawer"]').getByText("A number from 1 to 20.").waitFor()
      await page.locator("#rule-multiplier").fill("2")
      await page.locator('[data-testid="rule-weekdays"] label', { hasText: "Sun" }).locator('button[role="checkbox"]').click()
      await page.locator("#rule-active").click()
      await page.locator('[data-testid="rule-submit"]').click()
      await page.locator('[data-testid="rule-drawer"]').waitFor({ state: "detached" })
      const row = page.locator(`[data-testid="rules-table"] tr[data-rule-name="${name}"]`)
      await row.waitFor()
      expect((await row.innerText()).includes("×2") && (await row.innerText()).includes("Sun"), "×2 on Sundays")
      const rule = (await api("/admin/member-earn-rules")).rules.find((r) => r.name === name)
      expect(rule && rule.kind === "bonus" && rule.multiplier === 2 && JSON.stringify(rule.weekdays) === "[7]" && rule.active === false, `stored ${JSON.stringify(rule)}`)
      await shot("en-rules")
      await row.locator('[data-testid="rule-delete"]').click()
      await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click()
      await row.waitFor({ state: "detached" })
      await page.locator('[data-testid="membership-tab-program"]').click()
      await page.locator('[data-testid="program-section"]').waitFor()
      await page.locator("#program-window-default").waitFor()
      const { program } = await api("/admin/member-program")
      expect((await page.locator("#program-consent_version").inputValue()) === program.consent_version, "consent version in the form")
      expect((await page.locator("#program-redeem_max_share").inputValue()) === String(Math.round(program.redeem_max_share * 1000) / 10), "max share in %")
      await shot("en-program")
    })

    await check("in 中文: the list, the member page and the ladder", async () => {
      await setLanguage("zhCN")
      await page.goto(`${base}/app/members?q=${encodeURIComponent(shopperEmail)}`)
      await page.getByRole("heading", { name: "会员" }).first().waitFor()
      await page.getByText("积分负债").first().waitFor()
      await page.getByRole("columnheader", { name: "入会时间" }).waitFor()
      await page.getByRole("link", { name: "会员", exact: true }).first().waitFor()
      await shot("zh-CN-list")
      await page.locator(`tr[data-member-id="${member.id}"] a`).first().click()
      await page.getByRole("heading", { name: "积分流水" }).waitFor()
      await page.getByRole("button", { name: "调整积分" }).waitFor()
      await page.getByText("等级变更记录").first().waitFor()
      await page.locator('[data-testid="member-ledger"]').getByText("手动调整").first().waitFor()
      await shot("zh-CN-member")
      await page.goto(`${base}/app/members/settings`)
      await page.getByRole("tab", { name: "等级体系" }).waitFor()
      await page.getByRole("columnheader", { name: "积分倍数" }).waitFor()
      await page.getByRole("tab", { name: "积分规则" }).click()
      await page.getByRole("heading", { name: "积分规则" }).waitFor()
      await shot("zh-CN-settings")
      await setLanguage("en")
    })

    await noPageErrors()
  } finally {
    await close()
  }
  return results
}
