import {
  changedFields,
  emptyShopForm,
  formToBody,
  formToCreateBody,
  shopToForm,
  validateShopForm,
  type ShopFormValues,
} from "../shop-form-values"
import type { Shop } from "../../../lib/types"

const shop: Shop = {
  id: "shop_1",
  code: "KM-001",
  name: "昆明南屏街旗舰店",
  kind: "flagship",
  status: "open",
  latitude: 25.0407,
  longitude: 102.7103,
  address: "五华区南屏街88号",
  city: "昆明",
  province: "云南省",
  phone: null,
  floor_area_m2: 1200,
  staff_count: null,
  opening_hours: { mon: [{ open: "09:00", close: "21:30" }], fri: [{ open: "18:00", close: "02:00" }] },
  closures: [{ date: "2027-02-06", reason: "春节" }],
  timezone: "Asia/Shanghai",
  stock_location_id: "sloc_1",
  territory_id: "terr_1",
  territory: null,
  created_at: "",
  updated_at: "",
}

const valid = (): ShopFormValues => ({
  ...emptyShopForm(),
  code: "KM-009",
  name: "昆明新店",
  city: "昆明",
  latitude: "25.04",
  longitude: "102.71",
})

describe("shop form values", () => {
  it("accepts a complete new shop and sends numbers, nulls and the week", () => {
    expect(validateShopForm(valid())).toEqual({})
    const body = formToBody(valid())
    expect(body).toMatchObject({ code: "KM-009", latitude: 25.04, longitude: 102.71, province: null, closures: null })
    expect(Object.keys(body.opening_hours!)).toHaveLength(7)
  })

  it("names each wrong field, including an interval and a closure", () => {
    const v = valid()
    v.code = "KM 009"
    v.latitude = "91"
    v.longitude = ""
    v.staff_count = "-1"
    v.timezone = "Mars/Olympus"
    v.opening_hours.tue = [{ open: "09:00", close: "9pm" }]
    v.closures = [{ date: "2027-02-30", reason: "" }, { date: "2027-02-06", reason: "" }, { date: "2027-02-06", reason: "" }]
    const errors = validateShopForm(v)
    expect(Object.keys(errors).sort()).toEqual(
      [
        "closures.0.date",
        "closures.2.date",
        "code",
        "latitude",
        "longitude",
        "opening_hours.tue.0.close",
        "staff_count",
        "timezone",
      ].sort()
    )
    expect(errors["closures.2.date"].key).toBe("form.errors.duplicateDate")
  })

  it("sends no opening hours when the merchant removed them, and skips hour checks then", () => {
    const v = valid()
    v.hours_set = false
    v.opening_hours.mon = [{ open: "bad", close: "bad" }]
    expect(validateShopForm(v)).toEqual({})
    expect(formToBody(v).opening_hours).toBeNull()
  })

  it("sends only what changed when editing, so an edit does not re-run the closing check", () => {
    const initial = shopToForm(shop)
    expect(changedFields(initial, shopToForm(shop))).toEqual({})
    expect(changedFields(initial, { ...initial, name: "昆明南屏街店" })).toEqual({ name: "昆明南屏街店" })
    expect(changedFields(initial, { ...initial, status: "closed" })).toEqual({ status: "closed" })
  })

  it("adds channel choices to a create only when the merchant made them", () => {
    expect(formToCreateBody(valid())).not.toHaveProperty("pos_channel")
    expect(formToCreateBody({ ...valid(), pickup: false, sales_channel_ids: ["sc_1"] })).toMatchObject({
      pickup: false,
      sales_channel_ids: ["sc_1"],
    })
  })
})
