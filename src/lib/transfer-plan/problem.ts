import { EARTH_RADIUS_KM } from "../geo/haversine"
import type { CostParams } from "./types"

/**
 * The validated, indexed problem every algorithm here works on: shops, variants and lines
 * are numbers, duplicate lines are merged, zero lines are gone. Plain arrays and a Map, so it
 * crosses to the worker thread by structured clone.
 */
export interface Problem {
  cost: CostParams
  shopIds: string[]
  lat: number[]
  lng: number[]
  /** Units a shop may send out in total; Infinity when unlimited. */
  capacity: number[]
  /** Handling cost per unit sent from a shop. */
  handling: number[]
  variantIds: string[]
  /** Surplus lines: shop, variant, quantity (> 0). */
  supShop: number[]
  supVariant: number[]
  supQty: number[]
  /** Shortfall lines: shop, variant, quantity (> 0). */
  demShop: number[]
  demVariant: number[]
  demQty: number[]
  /** Supplied road km, keyed `from * shopCount + to`. */
  distances: Map<number, number>
}

/** Surplus and shortfall lines grouped by variant. */
export interface VariantBlock {
  variant: number
  sources: number[]
  dests: number[]
}

export function variantBlocks(p: Problem): VariantBlock[] {
  const blocks: VariantBlock[] = p.variantIds.map((_, variant) => ({ variant, sources: [], dests: [] }))
  p.supVariant.forEach((v, s) => blocks[v].sources.push(s))
  p.demVariant.forEach((v, d) => blocks[v].dests.push(d))
  return blocks
}

/**
 * Lane costs. km(i, j) is the supplied road distance or haversine × detour factor; the unit
 * cost of a lane is handling(i) + per_km × km(i, j). Rows of km to one destination are cached
 * (one Float64Array per destination shop), since pricing reads whole rows.
 */
export class CostModel {
  private readonly n: number
  private readonly rad: Float64Array
  private readonly cosLat: Float64Array
  private readonly lngRad: Float64Array
  private readonly rows = new Map<number, Float64Array>()
  /** Largest km in any row computed so far. */
  maxKm = 0

  constructor(readonly p: Problem) {
    this.n = p.shopIds.length
    this.rad = new Float64Array(this.n)
    this.cosLat = new Float64Array(this.n)
    this.lngRad = new Float64Array(this.n)
    for (let i = 0; i < this.n; i++) {
      this.rad[i] = (p.lat[i] * Math.PI) / 180
      this.cosLat[i] = Math.cos(this.rad[i])
      this.lngRad[i] = (p.lng[i] * Math.PI) / 180
    }
  }

  /** Great-circle km between two shops (sphere of radius 6371.0088 km). */
  haversine(i: number, j: number): number {
    const dLat = this.rad[j] - this.rad[i]
    const dLng = this.lngRad[j] - this.lngRad[i]
    const s1 = Math.sin(dLat / 2)
    const s2 = Math.sin(dLng / 2)
    const h = s1 * s1 + this.cosLat[i] * this.cosLat[j] * s2 * s2
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
  }

  /** km from every shop to shop `j`. */
  kmTo(j: number): Float64Array {
    let row = this.rows.get(j)
    if (row) return row
    row = new Float64Array(this.n)
    const detour = this.p.cost.detour_factor
    for (let i = 0; i < this.n; i++) row[i] = this.haversine(i, j) * detour
    if (this.p.distances.size) {
      for (let i = 0; i < this.n; i++) {
        const road = this.p.distances.get(i * this.n + j) ?? this.p.distances.get(j * this.n + i)
        if (road !== undefined) row[i] = road
      }
    }
    for (let i = 0; i < this.n; i++) if (row[i] > this.maxKm) this.maxKm = row[i]
    this.rows.set(j, row)
    return row
  }

  km(i: number, j: number): number {
    return this.kmTo(j)[i]
  }

  unit(i: number, j: number): number {
    return this.p.handling[i] + this.p.cost.per_km * this.kmTo(j)[i]
  }
}
