import {
  addReceived,
  lineCodes,
  matchScan,
  normalizeCode,
  receiptBody,
  remainingFor,
  type ReceiptEntries,
} from "../transfer-receipt"

const line = (id: string, sku: string | null, variant_id = `variant_${id}`, inTransit = 3) => ({
  id,
  variant_id,
  variant: sku === null ? null : { id: variant_id, title: "M", sku, product_id: "prod", product_title: "Tee" },
  quantity_in_transit: inTransit,
})

describe("barcode scanner input", () => {
  it("strips what scanners add around a code and ignores case", () => {
    expect(normalizeCode("app-tee-001-nvy-m\r\n")).toBe("APP-TEE-001-NVY-M")
    expect(normalizeCode("  6901234567892\t")).toBe("6901234567892")
    expect(normalizeCode("]E06901234567892")).toBe("6901234567892")
    expect(normalizeCode("   ")).toBe("")
  })

  it("matches a scan by SKU or by the variant's barcode, EAN or UPC", () => {
    const lines = [line("a", "SKU-A"), line("b", "SKU-B")]
    const codes = lineCodes(lines, new Map([["variant_b", { barcode: "6901234567892", ean: null, upc: "012345678905" }]]))
    const remaining = () => 1
    expect(matchScan("sku-a", codes, remaining)).toEqual({ kind: "matched", lineId: "a", code: "SKU-A" })
    expect(matchScan("6901234567892", codes, remaining)).toEqual({ kind: "matched", lineId: "b", code: "6901234567892" })
    expect(matchScan("012345678905", codes, remaining)).toMatchObject({ lineId: "b" })
  })

  it("reports an unknown code and ignores an empty scan", () => {
    const codes = lineCodes([line("a", "SKU-A"), line("x", null)])
    expect(matchScan("NOPE-1", codes, () => 1)).toEqual({ kind: "unknown", code: "NOPE-1" })
    expect(matchScan("\r", codes, () => 1)).toEqual({ kind: "empty" })
  })

  it("fills lines of the same variant in turn, then counts extra units on the first", () => {
    const lines = [line("a", "SKU-A", "variant_same", 2), line("b", "SKU-A", "variant_same", 1)]
    const codes = lineCodes(lines)
    let entries: ReceiptEntries = {}
    const scan = () => {
      const r = matchScan("SKU-A", codes, (id) => remainingFor(lines.find((l) => l.id === id)!, entries[id]))
      if (r.kind !== "matched") throw new Error("no match")
      entries = addReceived(entries, r.lineId)
      return r.lineId
    }
    expect([scan(), scan(), scan(), scan()]).toEqual(["a", "a", "b", "a"])
    expect(entries.a.received).toBe("3")
    expect(entries.b.received).toBe("1")
  })
})

describe("receipt body", () => {
  const lines = [line("a", "SKU-A", "va", 5), line("b", "SKU-B", "vb", 2), line("c", "SKU-C", "vc", 1)]

  it("sends only lines with something entered, and only the fields entered", () => {
    const entries: ReceiptEntries = {
      a: { received: "4", damaged: "1", rejected: "" },
      b: { received: "", damaged: "", rejected: "" },
      c: { received: "0", damaged: "0", rejected: "0" },
    }
    expect(receiptBody(lines, entries)).toEqual({ lines: [{ id: "a", received: 4, damaged: 1 }], errors: {} })
  })

  it("allows receiving more than shipped (over) but not damaging more than is in transit", () => {
    expect(receiptBody(lines, { b: { received: "3", damaged: "", rejected: "" } }).lines).toEqual([{ id: "b", received: 3 }])
    expect(receiptBody(lines, { b: { received: "", damaged: "2", rejected: "1" } }).errors).toEqual({ b: "tooManyDamaged" })
    expect(receiptBody(lines, { c: { received: "x", damaged: "", rejected: "" } }).errors).toEqual({ c: "invalid" })
  })
})
