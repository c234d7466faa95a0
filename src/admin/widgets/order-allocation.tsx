import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { LoadError } from "../components/common/query-state"
import { ApiError, errorMessage } from "../lib/api-error"
import { call } from "../lib/http"

type Reason = { code: string; params: Record<string, string | number>; text: string }
type Where = { location: { id: string; name: string | null }; shop: { id: string; code: string; name: string } | null } | null
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
}
type Allocation = {
  id: string
  strategy: string
  customer_point: { lat: number; lng: number; source: string; label: string | null } | null
  pickup: Where
  reasons: Reason[]
  lines: AllocationLine[]
}

const fulfillable = (item: any) =>
  Math.max(0, Number(item.quantity) - Number(item.detail?.fulfilled_quantity ?? 0) - Number(item.detail?.written_off_quantity ?? 0))

/**
 * On Medusa's order page: which shop serves each line and why (the allocation record written at
 * checkout), with a button per shop that fulfils its lines from that shop — Medusa's own dialog
 * preselects the shipping option's location instead (medusajs/medusa#16338).
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
  const labelOf = (locationId: string) => {
    const l = lines.find((x) => x.location_id === locationId)
    return l?.shop?.code ?? l?.location.name ?? locationId
  }
  const items = new Map((order.items ?? []).map((i: any) => [i.id, i]))
  const byLocation = new Map<string, AllocationLine[]>()
  for (const l of lines) byLocation.set(l.location_id, [...(byLocation.get(l.location_id) ?? []), l])

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
        <Heading level="h2">{t("allocation.title")}</Heading>
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
        [...byLocation].map(([locationId, group]) => {
          const first = group[0]
          const toFulfil = group
            .map((l) => ({ id: l.order_line_item_id, quantity: fulfillable(items.get(l.order_line_item_id) ?? {}) }))
            .filter((x) => x.quantity > 0)
          return (
            <div key={locationId} className="flex flex-col gap-y-2 px-6 py-4" data-testid="order-allocation-location">
              <div className="flex items-center justify-between gap-x-2">
                {first.shop ? (
                  <Link to={`/shops/${first.shop.id}`} className="txt-compact-small-plus text-ui-fg-interactive hover:underline">
                    {first.shop.code} · {first.shop.name}
                  </Link>
                ) : (
                  <Text size="small" weight="plus">
                    {first.location.name ?? locationId}
                  </Text>
                )}
                {data?.pickup?.location.id === locationId && <Badge size="2xsmall">{t("allocation.pickup")}</Badge>}
              </div>
              {group.map((l) => {
                const item: any = items.get(l.order_line_item_id)
                return (
                  <div key={l.id} className="flex flex-col gap-y-0.5">
                    <Text size="small">
                      {item?.product_title ?? item?.title ?? l.order_line_item_id} · {t("allocation.units", { count: l.quantity })}
                      {l.parts > 1 && ` · ${t("allocation.part", { part: l.part, parts: l.parts })}`}
                      {l.backorder_quantity > 0 && ` · ${t("allocation.backorder", { count: l.backorder_quantity })}`}
                    </Text>
                    {l.reasons.map((r, i) => (
                      <Text key={i} size="xsmall" className="text-ui-fg-subtle">
                        {say(r)}
                      </Text>
                    ))}
                  </div>
                )
              })}
              {toFulfil.length > 0 && (
                <Button
                  size="small"
                  variant="secondary"
                  isLoading={fulfil.isPending && fulfil.variables?.location_id === locationId}
                  disabled={fulfil.isPending}
                  onClick={() => fulfil.mutate({ location_id: locationId, items: toFulfil })}
                  data-testid="order-allocation-fulfil"
                >
                  {t("allocation.fulfil", { location: labelOf(locationId) })}
                </Button>
              )}
            </div>
          )
        })
      )}
      {byLocation.size > 0 && (
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
