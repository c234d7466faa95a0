/**
 * Reads a CSV file as text. Excel on a Chinese Windows saves "CSV" in GBK unless the merchant
 * picks "CSV UTF-8", so a file that is not valid UTF-8 is read as GB18030 (a superset of GBK)
 * rather than turned into replacement characters. The API expects text, BOM or not.
 */
export const readCsvFile = async (file: File): Promise<{ text: string; encoding: "utf-8" | "gb18030" }> => {
  const bytes = await file.arrayBuffer()
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" }
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" }
  }
}

/** Data rows of a CSV text, for a preview count (quoted line breaks are rare in this file). */
export const countDataRows = (text: string): number =>
  Math.max(0, text.split(/\r?\n/).filter((line) => line.trim() !== "").length - 1)

/** The columns of docs/shops.md with one example row, for merchants starting from scratch. */
export const IMPORT_TEMPLATE = [
  "code,name,kind,status,latitude,longitude,address,city,province,territory_code,floor_area_m2,staff_count,timezone,phone,opening_hours,closures",
  "KM-101,昆明翠湖店,standard,planned,25.0486,102.7044,五华区翠湖南路12号,昆明,云南省,D-KM-N,420,12,Asia/Shanghai,0871-63188002,mon-fri 09:00-21:30; sat-sun 10:00-22:00,2027-02-06:春节",
].join("\r\n")
