import { Table } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatNumber } from "../../lib/format"
import type { RunStop } from "../../lib/delivery-types"
import type { Shop } from "../../lib/types"

type Props = {
  stops: RunStop[]
  shopAt: (locationId: string) => Shop | undefined
  /** The run sheet: addresses and transfer numbers; the list: counts only. */
  sheet?: { transferNumber: (id: string) => string }
}

/** A run's stops in driving order: shop, what it gets, leg and running km, arrival and departure. */
export const RunStopsTable = ({ stops, shopAt, sheet }: Props) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const n = (v: number) => formatNumber(v, locale)
  const col = (k: string) => t(`deliveryRuns.stops.${k}`)
  const num = "text-right tabular-nums"
  return (
    <Table data-testid="run-stops" className={sheet ? "" : "whitespace-nowrap"}>
      <Table.Header>
        <Table.Row className="whitespace-nowrap">
          <Table.HeaderCell className="w-8">{col("order")}</Table.HeaderCell>
          <Table.HeaderCell>{col("shop")}</Table.HeaderCell>
          {sheet && <Table.HeaderCell>{col("address")}</Table.HeaderCell>}
          <Table.HeaderCell>{col("transfers")}</Table.HeaderCell>
          <Table.HeaderCell className={num}>{col("units")}</Table.HeaderCell>
          <Table.HeaderCell className={num}>{col("leg")}</Table.HeaderCell>
          <Table.HeaderCell className={num}>{col("cumulative")}</Table.HeaderCell>
          <Table.HeaderCell>{col("arrival")}</Table.HeaderCell>
          <Table.HeaderCell>{col("departure")}</Table.HeaderCell>
          {!sheet && <Table.HeaderCell>{col("wait")}</Table.HeaderCell>}
          {sheet && <Table.HeaderCell className="min-w-[140px]">{t("deliveryRuns.sheet.receivedBy")}</Table.HeaderCell>}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {stops.map((s, i) => {
          const shop = shopAt(s.location_id)
          return (
            <Table.Row key={`${s.location_id}-${i}`} data-stop={i + 1} data-shop-code={s.shop_code ?? undefined}>
              <Table.Cell className="tabular-nums">{i + 1}</Table.Cell>
              <Table.Cell>
                <div className="flex flex-col">
                  <span className="font-mono">
                    {s.shop_code ?? s.location_id.slice(-8)}
                    {s.part ? ` (${t("deliveryRuns.stops.part", { n: s.part })})` : ""}
                  </span>
                  {shop && <span className="text-ui-fg-subtle txt-compact-xsmall">{shop.name}</span>}
                </div>
              </Table.Cell>
              {sheet && (
                <Table.Cell className="txt-compact-small" data-field="address">
                  {[shop?.address, shop?.city].filter(Boolean).join(", ") || "–"}
                  {shop?.phone && <div className="text-ui-fg-subtle">{shop.phone}</div>}
                </Table.Cell>
              )}
              <Table.Cell data-field="transfers">
                {sheet ? <span className="font-mono txt-compact-small">{s.transfer_ids.map(sheet.transferNumber).join(", ")}</span> : n(s.transfer_ids.length)}
              </Table.Cell>
              <Table.Cell className={`${num} font-medium`} data-field="units">
                {n(s.units)}
              </Table.Cell>
              <Table.Cell className={num} data-field="leg-km">
                {n(s.leg_km)}
              </Table.Cell>
              <Table.Cell className={num} data-field="cumulative-km">
                {n(s.cumulative_km)}
              </Table.Cell>
              <Table.Cell className="tabular-nums" data-field="arrival">
                {s.arrival ?? "–"}
              </Table.Cell>
              <Table.Cell className="tabular-nums">{s.departure ?? "–"}</Table.Cell>
              {!sheet && <Table.Cell className="text-ui-fg-subtle">{s.wait_minutes ? t("deliveryRuns.stops.waitMinutes", { n: s.wait_minutes }) : "–"}</Table.Cell>}
              {sheet && <Table.Cell className="border-ui-border-strong border-b" />}
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table>
  )
}
