import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { withVariants } from "../../../workflows/replenishment/queries/variant-summaries"

/** A stored plan with its places (shop code, name, coordinates per stock location) and variants named, for the planner page's table and map. */
export async function planView(container: MedusaContainer, plan: Record<string, any>) {
  const lines: any[] = plan.result?.lines ?? []
  const unmet: any[] = plan.result?.unmet ?? []
  const locationIds = [...new Set([...lines.flatMap((l) => [l.from, l.to, l.next_best?.from].filter(Boolean)), ...unmet.map((u) => u.shop)])]
  const { data: shops } = locationIds.length
    ? await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "shop",
        fields: ["id", "code", "name", "latitude", "longitude", "stock_location_id"],
        filters: { stock_location_id: locationIds } as any,
      })
    : { data: [] }
  const places = Object.fromEntries(
    (shops as any[]).map((s) => [s.stock_location_id, { shop_id: s.id, code: s.code, name: s.name, latitude: s.latitude, longitude: s.longitude }])
  )
  const named = await withVariants(container, [...lines, ...unmet].map((l) => ({ variant_id: l.variant })))
  const variants = Object.fromEntries(named.filter((n) => n.variant).map((n) => [n.variant_id, n.variant]))
  return { ...plan, places, variants }
}
