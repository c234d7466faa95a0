import { emptyPresaleForm, hasErrors, newWindowRow, toCreateBody, validatePresaleForm, type PresaleFormValues } from "../presale-form-values"

const variant = { id: "variant_1", title: "M", sku: "SKU-1", barcode: null, ean: null, upc: null, product_id: "prod_1", product: { id: "prod_1", title: "Tee" } }

const filled = (): PresaleFormValues => {
  const v = emptyPresaleForm(new Date("2026-06-01T10:00:00"))
  return {
    ...v,
    title: "  Spring tea  ",
    ship_date: "2026-07-01",
    items: [{ ...v.items[0], variant, quantity: "100", price: "199" }],
    windows: [
      { ...v.windows[0], tier_id: "tier_gold", share: "20", label: "Gold" },
      newWindowRow(new Date("2026-06-01T12:00:00")),
    ],
  }
}

describe("presale create form", () => {
  it("asks for a title, a variant, a quantity and a price", () => {
    const e = validatePresaleForm(emptyPresaleForm())
    expect(e.title).toBe("required")
    const item = Object.values(e.item ?? {})[0]
    expect(item).toEqual({ variant: "required", quantity: "required", price: "required" })
    expect(hasErrors(validatePresaleForm(filled()))).toBe(false)
  })

  it("lets only the last window take the rest, and shares stay within 100 %", () => {
    const v = filled()
    v.windows[0].share = ""
    expect(validatePresaleForm(v).window?.[v.windows[0].key]?.share).toBe("restLast")
    const w = filled()
    w.windows[0].share = "80"
    w.windows[1].share = "30"
    expect(validatePresaleForm(w).windows).toBe("shareTotal")
  })

  it("wants windows in time order and a deposit when paying by deposit", () => {
    const v = filled()
    v.windows[1].opens_at = "2026-06-01T09:00"
    expect(validatePresaleForm(v).window?.[v.windows[1].key]?.opens_at).toBe("order")
    const d = { ...filled(), payment_mode: "deposit" as const }
    expect(validatePresaleForm(d).deposit).toBe("required")
    expect(validatePresaleForm({ ...d, deposit: "50", deposit_value: "30" }).deposit_value).toBe("range")
    expect(validatePresaleForm({ ...d, deposit: "50", deposit_value: "100", balance_opens_at: "2026-06-10T10:00", balance_closes_at: "2026-06-09T10:00" }).balance).toBe("order")
  })

  it("sends shares as fractions, no tier as null, the ship date at noon UTC", () => {
    const body = toCreateBody(filled(), true)
    expect(body.title).toBe("Spring tea")
    expect(body.status).toBe("active")
    expect(body.ship_date).toBe("2026-07-01T12:00:00.000Z")
    expect(body.items).toEqual([{ variant_id: "variant_1", quantity: 100, price: 199 }])
    expect(body.windows[0]).toMatchObject({ tier_id: "tier_gold", share: 0.2, label: "Gold" })
    expect(body.windows[1]).toMatchObject({ tier_id: null, share: null, label: null })
    expect(body.deposit).toBeUndefined()
  })
})
