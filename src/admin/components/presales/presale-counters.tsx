import { Badge, Button, Container, Heading, Input, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useTiers } from "../../hooks/use-members-settings"
import { useLocale } from "../../hooks/use-locale"
import { useUpdatePresale } from "../../hooks/use-presales"
import { errorMessage } from "../../lib/api-error"
import { formatDateTime, formatMoney, formatNumber } from "../../lib/format"
import { tierName } from "../../lib/membership-format"
import type { Presale, PresaleItem } from "../../lib/presale-types"

/** Raise an item's quantity (a live campaign only grows). */
const GrowCell = ({ presale, item }: { presale: Presale; item: PresaleItem }) => {
  const { t } = useTranslation("mendian")
  const [open, setOpen] = useState(false)
  const [value, setValue] = useState(String(item.quantity))
  const update = useUpdatePresale(presale.id)
  if (presale.status === "canceled") return null
  if (!open)
    return (
      <Button size="small" variant="transparent" type="button" data-testid="presale-grow" onClick={() => (setValue(String(item.quantity)), setOpen(true))}>
        {t("presale.detail.grow")}
      </Button>
    )
  const n = Number(value)
  const valid = Number.isInteger(n) && n >= 1
  return (
    <div className="flex items-center gap-x-1">
      <Input
        size="small"
        type="number"
        min={item.quantity}
        step={1}
        className="w-24"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-label={t("presale.detail.growTo", { item: item.title ?? item.sku ?? item.variant_id })}
        data-testid="presale-grow-input"
      />
      <Button
        size="small"
        type="button"
        disabled={!valid}
        isLoading={update.isPending}
        data-testid="presale-grow-save"
        onClick={() =>
          update.mutate(
            { quantities: [{ variant_id: item.variant_id, quantity: n }] },
            {
              onSuccess: () => (toast.success(t("presale.detail.grown")), setOpen(false)),
              onError: (e) => toast.error(errorMessage(e, t("common.unknownError"))),
            }
          )
        }
      >
        {t("common.save")}
      </Button>
      <Button size="small" variant="transparent" type="button" onClick={() => setOpen(false)}>
        {t("common.cancel")}
      </Button>
    </div>
  )
}

/**
 * Per item: sold of the quantity, what is open to buy now and what has been converted; then
 * per tier window: when it opens, for whom, its share and what is left in it for each item.
 */
export const PresaleCounters = ({ presale, updatedAt }: { presale: Presale; updatedAt: number }) => {
  const { t, i18n } = useTranslation("mendian")
  const locale = useLocale()
  const tiers = useTiers()
  const tierById = new Map((tiers.data ?? []).map((x) => [x.id, x]))
  const currency = presale.currency_code ?? "cny"
  const num = "text-right tabular-nums"
  const col = (k: string) => t(`presale.columns.${k}`)
  return (
    <Container className="divide-y p-0" data-testid="presale-counters" data-updated-at={updatedAt}>
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("presale.detail.counters")}</Heading>
        <Text size="small" className="text-ui-fg-muted">
          {t("presale.detail.countersHint")}
        </Text>
      </div>
      <div className="overflow-x-auto">
        <Table data-testid="presale-items" className="whitespace-nowrap">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{col("item")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{col("price")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{col("sold")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{col("availableNow")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{col("converted")}</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {presale.items.map((item) => (
              <Table.Row key={item.id} data-item-id={item.id} data-variant-id={item.variant_id}>
                <Table.Cell>
                  <div className="flex flex-col">
                    <span>{item.title ?? item.variant_id}</span>
                    {item.sku && <span className="text-ui-fg-subtle txt-compact-xsmall font-mono">{item.sku}</span>}
                  </div>
                </Table.Cell>
                <Table.Cell className={num}>{item.price == null ? "–" : formatMoney(item.price, currency, locale)}</Table.Cell>
                <Table.Cell className={`${num} font-medium`} data-field="sold" data-sold={item.sold} data-quantity={item.quantity}>
                  {formatNumber(item.sold, locale)} / {formatNumber(item.quantity, locale)}
                </Table.Cell>
                <Table.Cell className={num} data-field="available">
                  {formatNumber(item.available_now, locale)}
                </Table.Cell>
                <Table.Cell className={num} data-field="converted">
                  {formatNumber(item.converted, locale)}
                </Table.Cell>
                <Table.Cell className="text-right">
                  <GrowCell presale={presale} item={item} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <div className="px-6 py-4">
        <Heading level="h3">{t("presale.detail.windows")}</Heading>
      </div>
      <div className="overflow-x-auto">
        <Table data-testid="presale-windows" className="whitespace-nowrap">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{col("window")}</Table.HeaderCell>
              <Table.HeaderCell>{col("tier")}</Table.HeaderCell>
              <Table.HeaderCell>{col("opensAt")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{col("share")}</Table.HeaderCell>
              {presale.items.map((item) => (
                <Table.HeaderCell key={item.id} className={num}>
                  {col("remaining")} · {item.sku ?? item.title ?? item.variant_id}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {presale.windows.map((w, i) => {
              const tier = w.tier_id ? tierById.get(w.tier_id) : null
              return (
                <Table.Row key={w.id} data-window-id={w.id} data-open={w.open}>
                  <Table.Cell>{w.label || `#${i + 1}`}</Table.Cell>
                  <Table.Cell>{w.tier_id ? (tier ? tierName(tier, i18n.language) : w.tier_id) : t("presale.detail.everyone")}</Table.Cell>
                  <Table.Cell>
                    <span className="mr-2">{formatDateTime(w.opens_at, locale)}</span>
                    <Badge size="2xsmall" color={w.open ? "green" : "grey"}>
                      {w.open ? t("presale.detail.open") : t("presale.detail.notOpen")}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell className={num}>{w.share == null ? t("presale.detail.theRest") : `${Math.round(w.share * 1000) / 10}%`}</Table.Cell>
                  {presale.items.map((item) => {
                    const iw = item.windows.find((x) => x.id === w.id)
                    return (
                      <Table.Cell key={item.id} className={num} data-field="remaining">
                        {iw ? formatNumber(iw.remaining, locale) : "–"}
                      </Table.Cell>
                    )
                  })}
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </div>
    </Container>
  )
}
