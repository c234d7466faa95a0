import { createHash, randomBytes } from "node:crypto"
import { MedusaError, MedusaService } from "@medusajs/framework/utils"
import { boundingBox, haversineKm } from "../../lib/geo"
import { byDistance, ShopRankingStrategy } from "../../lib/shop-ranking"
import PosToken from "./models/pos-token"
import Shop from "./models/shop"
import Territory from "./models/territory"

export type ShopsModuleOptions = {
  /** Replaces the nearest-shop ranking (see docs/extending.md). */
  ranking?: ShopRankingStrategy
}

type TerritoryNode = { id: string; parent_id: string | null }

const POS_TOKEN_PREFIX = "pos_"

export const hashPosToken = (token: string) => createHash("sha256").update(token).digest("hex")

class ShopsModuleService extends MedusaService({ Shop, Territory, PosToken }) {
  protected readonly ranking_: ShopRankingStrategy

  constructor(container: Record<string, unknown>, options: ShopsModuleOptions = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.ranking_ = options.ranking ?? byDistance
  }

  getRankingStrategy(): ShopRankingStrategy {
    return this.ranking_
  }

  /** Ids of the territory and everything below it. */
  async listTerritorySubtreeIds(rootId: string): Promise<string[]> {
    const all = (await this.listTerritories({}, { select: ["id", "parent_id"] })) as TerritoryNode[]
    if (!all.some((t) => t.id === rootId)) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Territory with id: ${rootId} was not found`)
    }
    const children = new Map<string, string[]>()
    for (const t of all) {
      if (t.parent_id) children.set(t.parent_id, [...(children.get(t.parent_id) ?? []), t.id])
    }
    const ids: string[] = []
    const stack = [rootId]
    while (stack.length) {
      const id = stack.pop()!
      ids.push(id)
      stack.push(...(children.get(id) ?? []))
    }
    return ids
  }

  /** Refuses a parent that is the territory itself or one of its descendants. */
  async assertValidParent(territoryId: string, parentId: string | null): Promise<void> {
    if (!parentId) return
    const subtree = await this.listTerritorySubtreeIds(territoryId)
    if (subtree.includes(parentId)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `parent_id: moving territory ${territoryId} under ${parentId} would create a cycle`
      )
    }
  }

  /**
   * Open shops within radiusKm of origin, at the given stock locations, with their distance.
   * The bounding box lets PostgreSQL discard far shops before the exact great-circle distance.
   */
  async listShopsNear(input: {
    origin: { lat: number; lng: number }
    radiusKm: number
    stockLocationIds?: string[]
  }) {
    const box = boundingBox(input.origin, input.radiusKm)
    const filters: Record<string, unknown> = {
      status: "open",
      latitude: { $gte: box.minLat, $lte: box.maxLat },
      longitude: { $gte: box.minLng, $lte: box.maxLng },
    }
    if (input.stockLocationIds) filters.stock_location_id = input.stockLocationIds
    const shops = await this.listShops(filters, {
      select: [
        "id", "code", "name", "kind", "status", "latitude", "longitude", "address", "city",
        "province", "phone", "opening_hours", "closures", "timezone", "stock_location_id", "metadata",
      ],
    })
    return shops
      .map((shop) => ({
        ...shop,
        distance_km: haversineKm(input.origin, { lat: shop.latitude, lng: shop.longitude }),
      }))
      .filter((shop) => shop.distance_km <= input.radiusKm)
  }

  /** Issues a POS token for a shop. The raw token is returned once and never stored. */
  async issuePosToken(shopId: string, label: string, createdBy?: string) {
    await this.retrieveShop(shopId, { select: ["id"] })
    const token = POS_TOKEN_PREFIX + randomBytes(24).toString("base64url")
    const record = await this.createPosTokens({
      shop_id: shopId,
      label,
      token_hash: hashPosToken(token),
      token_hint: token.slice(-4),
      created_by: createdBy ?? null,
    })
    return { ...record, token }
  }

  /** The live token record for a raw token, or null when unknown or revoked. */
  async findActivePosToken(token: string) {
    if (!token.startsWith(POS_TOKEN_PREFIX)) return null
    const [record] = await this.listPosTokens(
      { token_hash: hashPosToken(token), revoked_at: null },
      { select: ["id", "shop_id", "label", "last_used_at"], take: 1 }
    )
    return record ?? null
  }
}

export default ShopsModuleService
