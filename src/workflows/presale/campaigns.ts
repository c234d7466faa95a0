import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { adjustPresaleStockStep } from "./steps/campaign-stock"
import { prepareCampaign, resolveWindows, type CampaignInput, type CampaignWindowInput } from "./steps/prepare-campaign"
import { PresaleConflict } from "../../modules/presale/claims"
import { presaleLocationId } from "./steps/presale-location"
import { PresaleEvents, presaleOf } from "./steps/presale-service"

const prepareCampaignStep = createStep("prepare-presale-campaign", async (input: CampaignInput, { container }) => {
  const prepared = await prepareCampaign(container, input)
  return new StepResponse({ ...prepared, location_id: await presaleLocationId(container) })
})

const createCampaignRecordStep = createStep(
  "create-presale-campaign-record",
  async ({ input, prepared }: { input: CampaignInput; prepared: any }, { container }) => {
    const presale = presaleOf(container)
    const { items: _i, windows: _w, ...fields } = input
    const campaign: any = await presale.createPresaleCampaigns({
      ...fields,
      status: input.status ?? "draft",
      region_id: prepared.region_id,
      currency_code: prepared.currency_code,
      location_id: prepared.location_id,
      payment_mode: prepared.mode,
      deposit_value: prepared.mode === "deposit" ? input.deposit_value ?? input.deposit : null,
      buckets: Math.max(1, input.buckets ?? 1),
      items: prepared.items,
      windows: prepared.windows,
    } as any)
    const items = await presale.listPresaleItems({ campaign_id: campaign.id } as any, { take: null as any })
    await presale.ensureCounters(campaign.id, (items as any[]).map((i) => i.id), Math.max(1, input.buckets ?? 1))
    return new StepResponse({ id: campaign.id as string }, campaign.id)
  },
  async (id, { container }) => {
    if (!id) return
    const presale = presaleOf(container)
    const counters = await presale.listPresaleCounters({ campaign_id: id }, { select: ["id"], take: null as any })
    await presale.deletePresaleCounters((counters as any[]).map((c) => c.id))
    await presale.deletePresaleCampaigns(id)
  }
)

/** A new campaign: its items and windows, counters at zero, and its units "stocked" at the presale location. */
export const createPresaleCampaignWorkflow = createWorkflow("create-presale-campaign", (input: CampaignInput) => {
  const prepared = prepareCampaignStep(input)
  const campaign = createCampaignRecordStep({ input, prepared })
  adjustPresaleStockStep(
    transform({ prepared }, ({ prepared }) => ({
      location_id: prepared.location_id,
      deltas: prepared.items.map((i: any) => ({ inventory_item_id: i.inventory_item_id, delta: i.quantity })),
    }))
  )
  return new WorkflowResponse(campaign)
})

export type UpdateCampaignInput = {
  id: string
  title?: string
  description?: string | null
  status?: "draft" | "active" | "closed" | "canceled"
  ship_date?: string | Date
  shipping_option_id?: string | null
  supply_kind?: CampaignInput["supply_kind"]
  supply_reference?: string | null
  supply_expected_at?: string | Date | null
  supply_location_id?: string | null
  payment_ttl_minutes?: number
  per_member_limit?: number | null
  per_phone_limit?: number | null
  /** variant → new quantity. */
  quantities?: { variant_id: string; quantity: number }[]
  windows?: CampaignWindowInput[]
}

const STATUS_MOVES: Record<string, string[]> = { draft: ["active", "canceled"], active: ["closed"], closed: ["active"], canceled: [] }

/**
 * What an edit may change. A draft anything; a live campaign only what cannot make the gate
 * sell what it shouldn't: more units (never fewer), a later or earlier ship date, the supply,
 * the payment time; its windows, limits and buckets are fixed once it sells.
 */
const applyCampaignEditStep = createStep("apply-presale-campaign-edit", async (input: UpdateCampaignInput, { container }) => {
  const presale = presaleOf(container)
  const before: any = await presale.retrievePresaleCampaign(input.id, { relations: ["items", "windows"] }).catch(() => null)
  if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Presale ${input.id} was not found`)
  const live = before.status !== "draft"
  if (input.status && input.status !== before.status && !STATUS_MOVES[before.status]?.includes(input.status)) {
    const hint = input.status === "canceled" ? `; cancel it with POST /admin/presales/${before.id}/cancel (its reservations are refunded)` : ""
    throw new PresaleConflict(`A ${before.status} presale cannot become ${input.status}${hint}`, "presale_status_move")
  }
  if (live && (input.windows || input.per_member_limit !== undefined || input.per_phone_limit !== undefined)) {
    throw new PresaleConflict("Windows and limits are fixed once a presale has opened; close it and start another", "presale_live_rules")
  }
  const counts = await presale.countsOf(before.id)
  const deltas: { inventory_item_id: string; delta: number }[] = []
  const itemUpdates: { id: string; quantity: number }[] = []
  for (const [i, q] of (input.quantities ?? []).entries()) {
    const item = before.items.find((it: any) => it.variant_id === q.variant_id)
    if (!item) throw new MedusaError(MedusaError.Types.INVALID_DATA, `quantities[${i}].variant_id: not an item of this presale`)
    if (!(Number.isInteger(q.quantity) && q.quantity >= 1)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `quantities[${i}].quantity: a whole number of at least 1`)
    if (live && q.quantity < item.quantity) throw new PresaleConflict(`${item.sku ?? item.title}: a live presale can only grow (${item.quantity} now)`, "presale_live_rules")
    if (q.quantity < (counts.sold[item.id] ?? 0)) throw new PresaleConflict(`${item.sku ?? item.title}: ${counts.sold[item.id]} are already sold`, "presale_quantity_below_sold")
    itemUpdates.push({ id: item.id, quantity: q.quantity })
    deltas.push({ inventory_item_id: item.inventory_item_id, delta: q.quantity - item.quantity })
  }
  const { id, quantities: _q, windows, ...fields } = input
  if (windows) {
    const resolved = await resolveWindows(container, windows)
    await presale.deletePresaleWindows(before.windows.map((w: any) => w.id))
    await presale.createPresaleWindows(resolved.map((w) => ({ ...w, campaign_id: id })) as any)
  }
  if (itemUpdates.length) await presale.updatePresaleItems(itemUpdates)
  await presale.updatePresaleCampaigns({ id, ...fields } as any)
  presale.forget(id)
  const shipDateChanged = !!input.ship_date && new Date(input.ship_date).getTime() !== new Date(before.ship_date).getTime()
  return new StepResponse(
    { id, location_id: before.location_id as string, deltas, ship_date_changed: shipDateChanged, previous_ship_date: before.ship_date },
    { before: { id, title: before.title, status: before.status, ship_date: before.ship_date }, items: before.items.map((i: any) => ({ id: i.id, quantity: i.quantity })) }
  )
}, async (undo, { container }) => {
  if (!undo) return
  const presale = presaleOf(container)
  await presale.updatePresaleItems(undo.items)
  await presale.updatePresaleCampaigns(undo.before as any)
  presale.forget(undo.before.id)
})

/** Edits a campaign; a changed ship date is announced to everyone holding a reservation. */
export const updatePresaleCampaignWorkflow = createWorkflow("update-presale-campaign", (input: UpdateCampaignInput) => {
  const edit = applyCampaignEditStep(input)
  adjustPresaleStockStep(transform({ edit }, ({ edit }) => ({ location_id: edit.location_id, deltas: edit.deltas })))
  when({ edit }, ({ edit }) => edit.ship_date_changed).then(() => {
    emitEventStep({
      eventName: PresaleEvents.SHIP_DATE_CHANGED,
      data: transform({ edit, input }, ({ edit, input }) => ({ id: edit.id, ship_date: new Date(input.ship_date!).toISOString(), previous_ship_date: edit.previous_ship_date })),
    })
  })
  return new WorkflowResponse(transform({ edit }, ({ edit }) => ({ id: edit.id })))
})
