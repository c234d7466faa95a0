import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { Trans, useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { LoadError } from "../components/common/query-state"
import { ApiError, errorMessage } from "../lib/api-error"
import { call } from "../lib/http"

type Reason = { code: string; params: Record<string, string | number>; text: string }
type Where = { location: { id: string; name: string | null }; shop: { id: string; code: string; name: string } | null } | null
type AllocationTransfer = {
  id: string
  number: string
  status: string
  destination_location_id: string | null
  destination: Where
  quantity: number
  arrived: number
}
type AllocationLine = {
  id: string
  order_line_item_id: string
  location_id: string
  location: { id: string; name: string | null }
  shop: { id: string; code: string; name: string } | null
  quantity: number
  backorder_quantity: number
  below_safety: number
  part: number
  parts: number
  reasons: Reason[]
  transfer_id: string | null
  transfer: AllocationTransfer | null
  /** Where the line can be fulfilled from now: the pickup shop once its transfer arrived; null while on its way or released. */
  fulfil_location_id: string | null
}
type Allocation = {
  id: string
  strategy: string
  customer_point: { lat: number; lng: number; source: string; label: string | null } | null
  pickup: Where
  reasons: Reason[]
  released_at: string | null
  lines: AllocationLine[]
}

const fulfillable = (item: any) =>
  Math.max(0, Number(item.quantity) - Number(item.detail?.fulfilled_quantity ?? 0) - Number(item.detail?.written_off_quantity ?? 0))

/**
 * On Medusa's order page: which shop serves each line and why (the allocation record written at
 * checkout), the allocation transfer bringing a part to the pickup shop with its live status,
 * and a button per shop that fulfils the lines reserved there now — the allocated shop, or the
 * pickup shop once the transfer has arrived. Medusa's own dialog preselects the shipping
 * option's location instead (medusajs/medusa#16338). A cancelled order's allocation shows as
 * released, with nothing to fulfil.
 */
const OrderAllocationWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const { t } = useTranslation("mendian")
  const queryClient = useQueryClient()
  const { data, isLoading, error } = useQuery({
    queryKey: ["mendian", "order-allocation", order.id],
    queryFn: () => call<{ allocation: Allocation }>(`/admin/orders/${order.id}/allocation`).then((r) => r.allocation),
    retry: (count, e) => !(e instanceof ApiError && e.status === 404) && count < 2,
  })
  const fulfil = useMutation({
    mutationFn: (input: { location_id: string; items: { id: string; quantity: number }[] }) =>
      call(`/admin/orders/${order.id}/fulfillments`, { method: "POST", body: input }),
    onSuccess: (_r, input) => {
      toast.success(t("allocation.fulfilled", { location: labelOf(input.location_id) }))
      queryClient.invalidateQueries({ queryKey: ["orders"] })
      queryClient.invalidateQueries({ queryKey: ["mendian", "order-allocation", order.id] })
    },
    onError: (e) => toast.error(errorMessage(e, t("common.unknownError"))),
  })

  const say = (r: Reason) => {
    const key = r.code === "split" && r.params.safety ? "split_safety" : r.code
    return t(`allocation.reasons.${key}`, { ...r.params, defaultValue: r.text })
  }
  const lines = data?.lines ?? []
  // Every location the widget names: allocated ones, transfer destinations, the pickup shop.
  const places = new Map<string, NonNullable<Where>>()
  for (const w of [data?.pickup ?? null, ...lines.map((l) => ({ location: l.location, shop: l.shop })), ...lines.map((l) => l.transfer?.destination ?? null)]) {
    if (w && !places.has(w.location.id)) places.set(w.location.id, w)
  }
  const labelOf = (locationId: string) => {
    const w = places.get(locationId)
    return w?.shop?.code ?? w?.location.name ?? locationId
  }
  const items = new Map((order.items ?? []).map((i: any) => [i.id, i]))
  const byLocation = new Map<string, AllocationLine[]>()
  for (const l of lines) byLocation.set(l.location_id, [...(byLocation.get(l.location_id) ?? []), l])
  // What each location can fulfil now (a transferred part at the pickup shop once it arrived).
  const fulfilAt = new Map<string, { id: string; quantity: number }[]>()
  for (const l of lines) {
    if (!l.fulfil_location_id) continue
    const quantity = fulfillable(items.get(l.order_line_item_id) ?? {})
    if (quantity > 0) fulfilAt.set(l.fulfil_location_id, [...(fulfilAt.get(l.fulfil_location_id) ?? []), { id: l.order_line_item_id, quantity }])
  }
  // A location with something to fulfil but no allocated part of its own (the pickup shop that
  // held none of it) gets its own block.
  const arrivedOnly = [...fulfilAt.keys()].filter((id) => !byLocation.has(id))
  const fulfilButton = (locationId: string) => {
    const toFulfil = fulfilAt.get(locationId) ?? []
    if (!toFulfil.length) return null
    return (
      <Button
        size="small"
        variant="secondary"
        isLoading={fulfil.isPending && fulfil.variables?.location_id === locationId}
        disabled={fulfil.isPending}
        onClick={() => fulfil.mutate({ location_id: locationId, items: toFulfil })}
        data-testid="order-allocation-fulfil"
        data-location-id={locationId}
      >
        {t("allocation.fulfil", { location: labelOf(locationId) })}
      </Button>
    )
  }
  const placeHeading = (locationId: string) => {
    const w = places.get(locationId)
    return (
      <div className="flex items-center justify-between gap-x-2">
        {w?.shop ? (
          <Link to={`/shops/${w.shop.id}`} className="txt-compact-small-plus text-ui-fg-interactive hover:underline">
            {w.shop.code} · {w.shop.name}
          </Link>
        ) : (
          <Text size="small" weight="plus">
            {w?.location.name ?? locationId}
          </Text>
        )}
        {data?.pickup?.location.id === locationId && <Badge size="2xsmall">{t("allocation.pickup")}</Badge>}
      </div>
    )
  }
  const transferLine = (l: AllocationLine) => {
    const tr = l.transfer!
    return (
      <Text size="xsmall" className="text-ui-fg-subtle" data-testid="order-allocation-transfer" data-transfer-status={tr.status}>
        <Trans
          t={t}
          i18nKey="allocation.transfer.ships"
          values={{
            from: labelOf(l.location_id),
            to: tr.destination_location_id ? labelOf(tr.destination_location_id) : "?",
            number: tr.number,
            status: t(`transfers.status.${tr.status}`, { defaultValue: tr.status }),
          }}
          // Not <link>: Trans's parser treats HTML void element names as empty tags.
          components={{ doc: <Link to={`/transfers/${tr.id}`} className="text-ui-fg-interactive font-mono hover:underline" /> }}
        />
        {tr.arrived > 0 && tr.arrived < tr.quantity && ` · ${t("allocation.transfer.arrived", { arrived: tr.arrived, quantity: tr.quantity })}`}
        {!l.fulfil_location_id && !data?.released_at && tr.destination_location_id && tr.status !== "cancelled" &&
          ` · ${t("allocation.transfer.waiting", { to: labelOf(tr.destination_location_id) })}`}
      </Text>
    )
  }

  if (error instanceof ApiError && error.status === 404) {
    return (
      <Container className="px-6 py-4" data-testid="order-allocation-widget">
        <Heading level="h2">{t("allocation.title")}</Heading>
        <Text size="small" className="text-ui-fg-muted mt-2">
          {t("allocation.none")}
        </Text>
      </Container>
    )
  }
  return (
    <Container className="divide-y p-0" data-testid="order-allocation-widget">
      <div className="flex flex-col gap-y-1 px-6 py-4">
        <div className="flex items-center justify-between gap-x-2">
          <Heading level="h2">{t("allocation.title")}</Heading>
          {data?.released_at && (
            <Badge size="2xsmall" color="grey" data-testid="order-allocation-released">
              {t("allocation.released")}
            </Badge>
          )}
        </div>
        {data?.released_at && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("allocation.releasedAt", { date: new Date(data.released_at).toLocaleString() })}
          </Text>
        )}
        {data && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("allocation.strategy", { name: data.strategy })}
            {data.customer_point &&
              ` · ${t(`allocation.customer.${data.customer_point.source}`, { label: data.customer_point.label ?? "" })}`}
          </Text>
        )}
        {data?.reasons.map((r, i) => (
          <Text key={i} size="xsmall" className="text-ui-fg-muted">
            {say(r)}
          </Text>
        ))}
      </div>
      {isLoading ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("common.loading")}
        </Text>
      ) : error ? (
        <div className="px-6 py-4">
          <LoadError error={error} />
        </div>
      ) : (
        <>
          {[...byLocation].map(([locationId, group]) => (
            <div key={locationId} className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-allocation-location" data-location-id={locationId}>
              {placeHeading(locationId)}
              {group.map((l) => {
                const item: any = items.get(l.order_line_item_id)
                return (
                  <div key={l.id} className="flex flex-col gap-y-0.5">
                    <Text size="small">
                      {item?.product_title ?? item?.title ?? l.order_line_item_id} · {t("allocation.units", { count: l.quantity })}
                      {l.parts > 1 && ` · ${t("allocation.part", { part: l.part, parts: l.parts })}`}
                      {l.backorder_quantity > 0 && ` · ${t("allocation.backorder", { count: l.backorder_quantity })}`}
                    </Text>
                    {l.reasons
                      // The transfer's reason is shown with its live status below.
                      .filter((r) => !(l.transfer && r.code === "transfer_to_pickup"))
                      .map((r, i) => (
                        <Text key={i} size="xsmall" className="text-ui-fg-subtle">
                          {say(r)}
                        </Text>
                      ))}
                    {l.transfer && transferLine(l)}
                  </div>
                )
              })}
              {fulfilButton(locationId)}
            </div>
          ))}
          {arrivedOnly.map((locationId) => (
            <div key={locationId} className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-allocation-location" data-location-id={locationId}>
              {placeHeading(locationId)}
              <Text size="xsmall" className="text-ui-fg-subtle">
                {t("allocation.transfer.arrivedHere", { count: (fulfilAt.get(locationId) ?? []).length })}
              </Text>
              {fulfilButton(locationId)}
            </div>
          ))}
        </>
      )}
      {byLocation.size > 0 && !data?.released_at && (
        <Text size="xsmall" className="text-ui-fg-muted px-6 py-3">
          {t("allocation.fulfilNote")}
        </Text>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.before",
})

export default OrderAllocationWidget
