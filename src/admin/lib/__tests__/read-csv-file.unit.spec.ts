import { countDataRows, IMPORT_TEMPLATE, readCsvFile } from "../read-csv-file"

describe("reading an import file in the browser", () => {
  it("reads UTF-8 (with Excel's BOM) as is", async () => {
    const file = new File(["\uFEFFcode,name\r\nKM-1,昆明店\r\n"], "a.csv")
    const { text, encoding } = await readCsvFile(file)
    expect(encoding).toBe("utf-8")
    expect(text).toContain("昆明店")
  })

  it("reads a GBK file (Excel's default CSV on Chinese Windows) without mojibake", async () => {
    // "昆明,门店" in GBK.
    const file = new File([Buffer.from("c0a5c3f72cc3c5b5ea", "hex")], "gbk.csv")
    const { text, encoding } = await readCsvFile(file)
    expect(encoding).toBe("gb18030")
    expect(text).toBe("昆明,门店")
  })

  it("counts data rows after the header, ignoring blank lines", () => {
    expect(countDataRows("code,name\r\nA,a\r\n\r\nB,b\r\n")).toBe(2)
    expect(countDataRows("code,name\n")).toBe(0)
    expect(countDataRows(IMPORT_TEMPLATE)).toBe(1)
  })
})
