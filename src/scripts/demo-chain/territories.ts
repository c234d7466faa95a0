/**
 * The chain's territory tree: HQ (Kunming) → regions (大区) → districts (片区). A district is
 * one city, or half of a big city (split along its administrative districts, e.g. 上海浦西 /
 * 上海浦东).
 */
import { CITIES, HQ, REGIONS, type City } from "./cities"

export type TerritoryLevel = "hq" | "region" | "district"

export interface DemoTerritory {
  code: string
  name: string
  name_en: string
  level: TerritoryLevel
  parent_code: string | null
}

/** Code of the district territory a city's 区 belongs to: D-KM-N, D-QJ. */
export function districtCodeFor(city: City, areaName: string): string {
  if (!city.territories) return `D-${city.code}`
  const t = city.territories.find((t) => t.areas.includes(areaName))
  if (!t) throw new Error(`${city.name}: district ${areaName} is in no territory`)
  return `D-${city.code}-${t.suffix}`
}

export function buildTerritories(): DemoTerritory[] {
  const out: DemoTerritory[] = [{ code: HQ.code, name: HQ.name, name_en: HQ.name_en, level: "hq", parent_code: null }]
  for (const region of REGIONS) {
    out.push({ code: region.code, name: region.name, name_en: region.name_en, level: "region", parent_code: HQ.code })
    for (const city of CITIES.filter((c) => c.region_code === region.code)) {
      if (!city.territories) {
        out.push({
          code: `D-${city.code}`,
          name: `${city.name}片区`,
          name_en: city.name_en,
          level: "district",
          parent_code: region.code,
        })
        continue
      }
      for (const t of city.territories) {
        out.push({ code: `D-${city.code}-${t.suffix}`, name: t.name, name_en: t.name_en, level: "district", parent_code: region.code })
      }
    }
  }
  return out
}
