import { Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useNavigate } from "react-router-dom"
import { useLocale } from "../../hooks/use-locale"
import { formatDateTime, formatNumber } from "../../lib/format"
import type { Presale } from "../../lib/presale-types"
import { PresaleStatusBadge, soldOf } from "./presale-badges"

/** One row per campaign: title, status, payment mode, sold / quantity, ship date. */
export const PresalesTable = ({ presales }: { presales: Presale[] }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const navigate = useNavigate()
  const col = (k: string) => t(`presale.columns.${k}`)
  return (
    <div className="overflow-x-auto">
      <Table data-testid="presales-table" className="whitespace-nowrap">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{col("title")}</Table.HeaderCell>
            <Table.HeaderCell>{col("status")}</Table.HeaderCell>
            <Table.HeaderCell>{col("mode")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{col("sold")}</Table.HeaderCell>
            <Table.HeaderCell>{col("shipDate")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {presales.map((p) => {
            const { sold, quantity } = soldOf(p.items)
            return (
              <Table.Row key={p.id} className="cursor-pointer" onClick={() => navigate(`/presales/${p.id}`)} data-presale-id={p.id} data-status={p.status}>
                <Table.Cell>
                  <Link to={`/presales/${p.id}`} onClick={(e) => e.stopPropagation()} className="hover:underline">
                    {p.title}
                  </Link>
                </Table.Cell>
                <Table.Cell>
                  <PresaleStatusBadge status={p.status} />
                </Table.Cell>
                <Table.Cell>{t(`presale.mode.${p.payment_mode}`)}</Table.Cell>
                <Table.Cell className="text-right tabular-nums" data-field="sold">
                  {formatNumber(sold, locale)} / {formatNumber(quantity, locale)}
                </Table.Cell>
                <Table.Cell className="text-ui-fg-subtle">{formatDateTime(p.ship_date, locale)}</Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
      {presales.length === 0 && (
        <Text size="small" className="text-ui-fg-muted border-ui-border-base border-b px-6 py-8 text-center" data-testid="presales-empty">
          {t("presale.list.empty")}
        </Text>
      )}
    </div>
  )
}
