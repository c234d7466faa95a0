import { Button, Heading, Hint, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useEffect, useMemo, useRef, useState } from "react"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { useVariantsById } from "../../hooks/use-transfers"
import { formatQuantity } from "../../lib/replenishment-format"
import {
  addReceived,
  emptyEntry,
  lineCodes,
  matchScan,
  RECEIPT_FIELDS,
  receiptBody,
  remainingFor,
  type ReceiptEntries,
  type ReceiptField,
} from "../../lib/transfer-receipt"
import type { LineReceiptInput, TransferLine } from "../../lib/transfer-types"
import { VariantCell } from "../replenishment/variant-cell"
import { PlaceCell } from "./place-cell"
import { TransferActionError } from "./transfer-action-error"

const ALL = "__all"

type Props = {
  lines: TransferLine[]
  pending: boolean
  error: unknown
  onSubmit: (lines: LineReceiptInput[]) => void
  onCancel: () => void
}

type LastScan = { kind: "matched"; code: string; lineId: string; count: number } | { kind: "unknown"; code: string }

/**
 * What arrived, per line: received, damaged, rejected. A barcode scanner types a SKU or barcode
 * and Enter into the scan field; each scan adds one received unit to the matching line. Only
 * lines with something entered are sent.
 */
export const TransferReceiveForm = ({ lines, pending, error, onSubmit, onCancel }: Props) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const shipped = useMemo(() => lines.filter((l) => l.status === "approved" && l.quantity_shipped > 0), [lines])
  const destinations = useMemo(() => {
    const seen = new Map<string, TransferLine["destination"]>()
    for (const l of shipped) if (!seen.has(l.destination_location_id)) seen.set(l.destination_location_id, l.destination)
    return [...seen.values()]
  }, [shipped])
  const [destination, setDestination] = useState<string>(ALL)
  const visible = destination === ALL ? shipped : shipped.filter((l) => l.destination_location_id === destination)

  const [entries, setEntries] = useState<ReceiptEntries>({})
  const [scan, setScan] = useState("")
  const [last, setLast] = useState<LastScan | null>(null)
  const [submitted, setSubmitted] = useState(false)
  const scanner = useRef<HTMLInputElement>(null)

  // Barcodes are not part of the transfer: ask Medusa for the variants' barcode, EAN and UPC.
  const variantIds = useMemo(() => [...new Set(shipped.map((l) => l.variant_id))].sort(), [shipped])
  const variants = useVariantsById(variantIds)
  const codes = useMemo(
    () => lineCodes(visible, new Map((variants.data ?? []).map((v) => [v.id, v] as const))),
    [visible, variants.data]
  )

  useEffect(() => scanner.current?.focus(), [])

  const body = receiptBody(visible, entries)
  const nothing = submitted && !Object.keys(body.errors).length && body.lines.length === 0

  const onScan = () => {
    const byId = new Map(visible.map((l) => [l.id, l] as const))
    const r = matchScan(scan, codes, (id) => remainingFor(byId.get(id)!, entries[id]))
    setScan("")
    if (r.kind === "empty") return
    if (r.kind === "unknown") {
      setLast({ kind: "unknown", code: r.code })
      return
    }
    const next = addReceived(entries, r.lineId)
    setEntries(next)
    setLast({ kind: "matched", code: r.code, lineId: r.lineId, count: Number(next[r.lineId].received) })
  }

  const setField = (id: string, f: ReceiptField, v: string) =>
    setEntries((e) => ({ ...e, [id]: { ...(e[id] ?? emptyEntry()), [f]: v } }))

  const num = "text-right tabular-nums"
  return (
    <form
      className="divide-y"
      noValidate
      data-testid="transfer-receive-form"
      onSubmit={(e) => {
        e.preventDefault()
        setSubmitted(true)
        if (!Object.keys(body.errors).length && body.lines.length) onSubmit(body.lines)
      }}
    >
      <div className="px-6 py-4">
        <Heading level="h2">{t("transfers.receive.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("transfers.receive.description")}
        </Text>
      </div>
      {!!error && (
        <div className="px-6 py-4">
          <TransferActionError error={error} />
        </div>
      )}
      <div className="flex flex-wrap items-start gap-4 px-6 py-4">
        <div className="flex min-w-[300px] flex-1 flex-col gap-y-2">
          <Label htmlFor="transfer-scanner" size="small" weight="plus">
            {t("transfers.receive.scanner")}
          </Label>
          <Input
            id="transfer-scanner"
            ref={scanner}
            value={scan}
            autoComplete="off"
            spellCheck={false}
            placeholder={t("transfers.receive.scannerPlaceholder")}
            onChange={(e) => setScan(e.target.value)}
            onKeyDown={(e) => {
              // A scanner ends each code with Enter: count it, never submit the form.
              if (e.key === "Enter") {
                e.preventDefault()
                onScan()
              }
            }}
            data-testid="transfer-scanner"
          />
          {last?.kind === "unknown" ? (
            <Hint variant="error" data-testid="scan-error">
              {t("transfers.receive.unknownCode", { code: last.code })}
            </Hint>
          ) : last?.kind === "matched" ? (
            <Hint data-testid="scan-result">{t("transfers.receive.scanned", { code: last.code, count: last.count })}</Hint>
          ) : (
            <Hint>{t("transfers.receive.scannerHint")}</Hint>
          )}
        </div>
        {destinations.length > 1 && (
          <div className="flex flex-col gap-y-2">
            <Label size="small" weight="plus">
              {t("transfers.receive.destination")}
            </Label>
            <Select size="small" value={destination} onValueChange={setDestination}>
              <Select.Trigger className="w-[260px]" aria-label={t("transfers.receive.destination")} data-testid="receive-destination">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value={ALL}>{t("transfers.receive.allDestinations")}</Select.Item>
                {destinations.map((d) => (
                  <Select.Item key={d.location_id} value={d.location_id}>
                    {d.shop_code ? `${d.shop_code} · ` : ""}
                    {d.name ?? d.location_id}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        )}
      </div>
      <div className="overflow-x-auto">
        <Table className="whitespace-nowrap" data-testid="receive-lines">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("transfers.lines.variant")}</Table.HeaderCell>
              <Table.HeaderCell>{t("transfers.lines.destination")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{t("transfers.lines.inTransit")}</Table.HeaderCell>
              <Table.HeaderCell className={num}>{t("transfers.receive.remaining")}</Table.HeaderCell>
              {RECEIPT_FIELDS.map((f) => (
                <Table.HeaderCell key={f} className="w-[110px]">
                  {t(`transfers.receive.${f}`)}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {visible.map((l) => {
              const entry = entries[l.id] ?? emptyEntry()
              const remaining = remainingFor(l, entry)
              const err = submitted ? body.errors[l.id] : undefined
              const scanned = last?.kind === "matched" && last.lineId === l.id
              return (
                <Table.Row
                  key={l.id}
                  data-line-id={l.id}
                  data-sku={l.variant?.sku ?? undefined}
                  data-scanned={scanned || undefined}
                  className={scanned ? "bg-ui-bg-highlight" : undefined}
                >
                  <Table.Cell>
                    <VariantCell variantId={l.variant_id} variant={l.variant} />
                  </Table.Cell>
                  <Table.Cell>
                    <PlaceCell place={l.destination} />
                  </Table.Cell>
                  <Table.Cell className={num}>{formatQuantity(l.quantity_in_transit, locale)}</Table.Cell>
                  <Table.Cell className={`${num} ${remaining < 0 ? "text-ui-fg-error" : ""}`} data-field="remaining">
                    {formatQuantity(remaining, locale)}
                  </Table.Cell>
                  {RECEIPT_FIELDS.map((f) => (
                    <Table.Cell key={f} className="py-2">
                      <Input
                        size="small"
                        inputMode="numeric"
                        className="w-[90px]"
                        value={entry[f]}
                        placeholder="0"
                        onChange={(e) => setField(l.id, f, e.target.value)}
                        aria-label={t(`transfers.receive.${f}`)}
                        aria-invalid={!!err}
                        data-testid={`receive-${f}`}
                      />
                    </Table.Cell>
                  ))}
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </div>
      {submitted && (Object.keys(body.errors).length > 0 || nothing) && (
        <div className="flex flex-col gap-y-1 px-6 py-3">
          {nothing && <Hint variant="error">{t("transfers.receive.nothingEntered")}</Hint>}
          {[...new Set(Object.values(body.errors))].map((e) => (
            <Hint key={e} variant="error">
              {t(`transfers.receive.errors.${e}`)}
            </Hint>
          ))}
        </div>
      )}
      <div className="flex items-center justify-end gap-x-2 px-6 py-4">
        <Button size="small" variant="secondary" type="button" onClick={onCancel} disabled={pending}>
          {t("transfers.actions.back")}
        </Button>
        <Button size="small" type="submit" isLoading={pending} data-testid="transfer-receive-submit">
          {t("transfers.receive.submit")}
        </Button>
      </div>
    </form>
  )
}
