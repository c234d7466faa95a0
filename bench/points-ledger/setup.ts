/**
 * Readies the till for bench/points-ledger's earn run: a POS token for the first open store
 * (issued through Mendian's own workflow; the raw token exists only in this run's output file),
 * and plenty of stock at that shop for the variants its POS channel sells, so 16 tills selling
 * for a minute never run out (through the inventory module). Writes JSON to BENCH_SETUP_OUT.
 *
 *   BENCH_SETUP_OUT=/tmp/x.json npx medusa exec ./bench/points-ledger/setup.ts
 */
import fs from "node:fs"
import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { issuePosTokenWorkflow } from "../../src/workflows/shops/pos-tokens"

const STOCK = 1_000_000
const VARIANTS = 20

export default async function setup({ container }: ExecArgs) {
  const out = process.env.BENCH_SETUP_OUT
  if (!out) throw new Error("BENCH_SETUP_OUT: where to write the setup's JSON")
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as any
  const { rows: [shop] } = await pg.raw(
    `SELECT s.id, s.code, s.stock_location_id, c.id AS sales_channel_id FROM shop s
       JOIN sales_channel c ON c.metadata->>'shop_code' = s.code AND c.metadata->>'channel' = 'pos' AND c.deleted_at IS NULL
      WHERE s.deleted_at IS NULL AND s.status = 'open' AND s.kind <> 'warehouse' ORDER BY s.code LIMIT 1`
  )
  if (!shop) throw new Error("no open shop with a POS channel: seed the demo chain first (DEMO_SIZE=small npm run seed)")
  const { rows: variants } = await pg.raw(
    `SELECT v.id AS variant_id, l.id AS level_id, l.inventory_item_id
       FROM product_variant v
       JOIN product_sales_channel ps ON ps.product_id = v.product_id AND ps.sales_channel_id = ? AND ps.deleted_at IS NULL
       JOIN product_variant_inventory_item vi ON vi.variant_id = v.id AND vi.deleted_at IS NULL
       JOIN inventory_level l ON l.inventory_item_id = vi.inventory_item_id AND l.location_id = ? AND l.deleted_at IS NULL
       JOIN product_variant_price_set vps ON vps.variant_id = v.id AND vps.deleted_at IS NULL
      WHERE v.deleted_at IS NULL
      ORDER BY v.id LIMIT ?`,
    [shop.sales_channel_id, shop.stock_location_id, VARIANTS]
  )
  if (!variants.length) throw new Error(`shop ${shop.code} sells no stocked variant in its POS channel`)
  await container.resolve(Modules.INVENTORY).updateInventoryLevels(
    variants.map((v: any) => ({ inventory_item_id: v.inventory_item_id, location_id: shop.stock_location_id, stocked_quantity: STOCK }))
  )
  const { result } = await issuePosTokenWorkflow(container).run({ input: { shop_id: shop.id, label: `bench points-ledger ${new Date().toISOString()}` } })
  fs.writeFileSync(
    out,
    JSON.stringify({ shop_id: shop.id, shop_code: shop.code, sales_channel_id: shop.sales_channel_id, token: (result as any).token, token_id: (result as any).id, variant_ids: variants.map((v: any) => v.variant_id) })
  )
}
