import { Plus, Trash } from "@medusajs/icons"
import { Alert, Button, Container, Heading, Hint, IconButton, Input, Select, Table, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useTiers } from "../../hooks/use-members-settings"
import { presaleKeys } from "../../hooks/use-presales"
import { errorMessage } from "../../lib/api-error"
import { keepsKeyAfter, newIdempotencyKey } from "../../lib/idempotency-key"
import { tierName } from "../../lib/membership-format"
import { createPresale } from "../../lib/presale-api"
import {
  ANY_TIER,
  emptyPresaleForm,
  hasErrors,
  newItemRow,
  newWindowRow,
  toCreateBody,
  validatePresaleForm,
  type FieldError,
  type ItemRow,
  type PresaleFormValues,
  type WindowRow,
} from "../../lib/presale-form-values"
import type { Presale } from "../../lib/presale-types"
import { FormField } from "../members/form-field"
import { VariantPicker } from "../transfers/variant-picker"

/**
 * A new presale: title and ship date, items (variant, quantity, price), the tier windows
 * (opens at, tier, share %, label; the last may take the rest), payment (full or deposit with
 * 定金膨胀 and the balance window), limits, time to pay and the refund on cancel.
 */
export const PresaleForm = ({ onCreated, onCancel }: { onCreated: (p: Presale) => void; onCancel: () => void }) => {
  const { t, i18n } = useTranslation("mendian")
  const queryClient = useQueryClient()
  const tiers = useTiers()
  const [values, setValues] = useState<PresaleFormValues>(() => emptyPresaleForm())
  const [submitted, setSubmitted] = useState(false)
  const [key, setKey] = useState(newIdempotencyKey)
  const errors = useMemo(() => (submitted ? validatePresaleForm(values) : {}), [submitted, values])
  const err = (e: FieldError | undefined) => (e ? t(`presale.form.errors.${e}`) : undefined)

  const mutation = useMutation({
    mutationFn: (activate: boolean) => createPresale(toCreateBody(values, activate), key),
    onSuccess: ({ presale }) => {
      queryClient.invalidateQueries({ queryKey: presaleKeys.all })
      queryClient.setQueryData(presaleKeys.detail(presale.id), presale)
      toast.success(t("presale.form.created", { title: presale.title }))
      setKey(newIdempotencyKey())
      onCreated(presale)
    },
    onError: (e) => {
      if (!keepsKeyAfter(e)) setKey(newIdempotencyKey())
    },
  })

  const send = (activate: boolean) => {
    setSubmitted(true)
    if (hasErrors(validatePresaleForm(values))) return
    mutation.mutate(activate)
  }
  const set = (patch: Partial<PresaleFormValues>) => setValues((v) => ({ ...v, ...patch }))
  const setWindow = (k: string, patch: Partial<WindowRow>) => setValues((v) => ({ ...v, windows: v.windows.map((w) => (w.key === k ? { ...w, ...patch } : w)) }))
  const setItem = (k: string, patch: Partial<ItemRow>) => setValues((v) => ({ ...v, items: v.items.map((i) => (i.key === k ? { ...i, ...patch } : i)) }))
  const addWindow = () =>
    setValues((v) => {
      const last = v.windows[v.windows.length - 1]
      const at = last && !Number.isNaN(new Date(last.opens_at).getTime()) ? new Date(new Date(last.opens_at).getTime() + 3_600_000) : new Date()
      return { ...v, windows: [...v.windows, newWindowRow(at)] }
    })

  return (
    <div className="flex flex-col gap-y-3" data-testid="presale-form">
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading>{t("presale.form.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("presale.form.subtitle")}
          </Text>
        </div>
        {mutation.error && (
          <div className="px-6 py-4">
            <Alert variant="error" dismissible={false} data-testid="presale-form-error">
              {errorMessage(mutation.error, t("common.unknownError"))}
            </Alert>
          </div>
        )}
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          <FormField id="presale-title" label={t("presale.form.name")} error={err(errors.title)}>
            <Input id="presale-title" size="small" value={values.title} onChange={(e) => set({ title: e.target.value })} aria-invalid={!!errors.title} />
          </FormField>
          <FormField id="presale-ship_date" label={t("presale.form.shipDate")} error={err(errors.ship_date)}>
            <Input id="presale-ship_date" size="small" type="date" value={values.ship_date} onChange={(e) => set({ ship_date: e.target.value })} />
          </FormField>
        </div>
      </Container>

      <Container className="divide-y p-0" data-testid="presale-form-items">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">{t("presale.form.items")}</Heading>
          <Button size="small" variant="secondary" type="button" onClick={() => set({ items: [...values.items, newItemRow()] })} data-testid="presale-add-item">
            <Plus />
            {t("presale.form.addItem")}
          </Button>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("presale.form.variant")}</Table.HeaderCell>
              <Table.HeaderCell className="w-40">{t("presale.form.quantity")}</Table.HeaderCell>
              <Table.HeaderCell className="w-40">{t("presale.form.price")}</Table.HeaderCell>
              <Table.HeaderCell className="w-12" />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {values.items.map((it, i) => {
              const e = errors.item?.[it.key]
              return (
                <Table.Row key={it.key} data-testid="presale-item-row">
                  <Table.Cell className="py-2">
                    <VariantPicker value={it.variant} onChange={(variant) => setItem(it.key, { variant })} invalid={!!e?.variant} testId={`presale-item-variant-${i}`} />
                    {e?.variant && <Hint variant="error">{err(e.variant)}</Hint>}
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <Input size="small" type="number" min={1} step={1} name={`item-quantity-${i}`} value={it.quantity} onChange={(ev) => setItem(it.key, { quantity: ev.target.value })} aria-invalid={!!e?.quantity} aria-label={t("presale.form.quantity")} />
                    {e?.quantity && <Hint variant="error">{err(e.quantity)}</Hint>}
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <Input size="small" type="number" min={0} step="0.01" name={`item-price-${i}`} value={it.price} onChange={(ev) => setItem(it.key, { price: ev.target.value })} aria-invalid={!!e?.price} aria-label={t("presale.form.price")} />
                    {e?.price && <Hint variant="error">{err(e.price)}</Hint>}
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <IconButton size="small" variant="transparent" type="button" disabled={values.items.length === 1} aria-label={t("common.remove")} onClick={() => set({ items: values.items.filter((x) => x.key !== it.key) })}>
                      <Trash />
                    </IconButton>
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </Container>

      <Container className="divide-y p-0" data-testid="presale-form-windows">
        <div className="flex items-start justify-between gap-3 px-6 py-4">
          <div>
            <Heading level="h2">{t("presale.form.windows")}</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              {t("presale.form.windowsHint")}
            </Text>
            {errors.windows && <Hint variant="error">{err(errors.windows)}</Hint>}
          </div>
          <Button size="small" variant="secondary" type="button" onClick={addWindow} data-testid="presale-add-window">
            <Plus />
            {t("presale.form.addWindow")}
          </Button>
        </div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("presale.form.opensAt")}</Table.HeaderCell>
              <Table.HeaderCell>{t("presale.form.tier")}</Table.HeaderCell>
              <Table.HeaderCell className="w-36">{t("presale.form.share")}</Table.HeaderCell>
              <Table.HeaderCell>{t("presale.form.label")}</Table.HeaderCell>
              <Table.HeaderCell className="w-12" />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {values.windows.map((w, i) => {
              const e = errors.window?.[w.key]
              return (
                <Table.Row key={w.key} data-testid="presale-window-row">
                  <Table.Cell className="py-2">
                    <Input size="small" type="datetime-local" name={`window-opens_at-${i}`} value={w.opens_at} onChange={(ev) => setWindow(w.key, { opens_at: ev.target.value })} aria-label={t("presale.form.opensAt")} />
                    {e?.opens_at && <Hint variant="error">{err(e.opens_at)}</Hint>}
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <Select size="small" value={w.tier_id} onValueChange={(v) => setWindow(w.key, { tier_id: v })}>
                      <Select.Trigger className="min-w-[160px]" aria-label={t("presale.form.tier")} data-testid={`window-tier-${i}`}>
                        <Select.Value />
                      </Select.Trigger>
                      <Select.Content>
                        <Select.Item value={ANY_TIER}>{t("presale.form.everyone")}</Select.Item>
                        {(tiers.data ?? []).map((tier) => (
                          <Select.Item key={tier.id} value={tier.id}>
                            {tierName(tier, i18n.language)}
                          </Select.Item>
                        ))}
                      </Select.Content>
                    </Select>
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <Input size="small" type="number" min={0} max={100} step="0.1" name={`window-share-${i}`} value={w.share} placeholder={t("presale.form.shareRest")} onChange={(ev) => setWindow(w.key, { share: ev.target.value })} aria-label={t("presale.form.share")} />
                    {e?.share && <Hint variant="error">{err(e.share)}</Hint>}
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <Input size="small" name={`window-label-${i}`} value={w.label} onChange={(ev) => setWindow(w.key, { label: ev.target.value })} aria-label={t("presale.form.label")} />
                  </Table.Cell>
                  <Table.Cell className="py-2">
                    <IconButton size="small" variant="transparent" type="button" disabled={values.windows.length === 1} aria-label={t("common.remove")} onClick={() => set({ windows: values.windows.filter((x) => x.key !== w.key) })}>
                      <Trash />
                    </IconButton>
                  </Table.Cell>
                </Table.Row>
              )
            })}
          </Table.Body>
        </Table>
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">{t("presale.form.payment")}</Heading>
        </div>
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-2">
          <FormField id="presale-payment_mode" label={t("presale.form.paymentMode")}>
            <Select size="small" value={values.payment_mode} onValueChange={(v) => set({ payment_mode: v as "full" | "deposit" })}>
              <Select.Trigger id="presale-payment_mode" data-testid="presale-payment-mode">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="full">{t("presale.mode.full")}</Select.Item>
                <Select.Item value="deposit">{t("presale.mode.deposit")}</Select.Item>
              </Select.Content>
            </Select>
          </FormField>
          <FormField id="presale-cancel_refund" label={t("presale.form.cancelRefund")}>
            <Select size="small" value={values.cancel_refund} onValueChange={(v) => set({ cancel_refund: v as "full" | "keep_deposit" })}>
              <Select.Trigger id="presale-cancel_refund">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="full">{t("presale.detail.refund.full")}</Select.Item>
                <Select.Item value="keep_deposit">{t("presale.detail.refund.keep_deposit")}</Select.Item>
              </Select.Content>
            </Select>
          </FormField>
          {values.payment_mode === "deposit" && (
            <>
              <FormField id="presale-deposit" label={t("presale.form.deposit")} error={err(errors.deposit)}>
                <Input id="presale-deposit" size="small" type="number" min={0} step="0.01" value={values.deposit} onChange={(e) => set({ deposit: e.target.value })} />
              </FormField>
              <FormField id="presale-deposit_value" label={t("presale.form.depositValue")} error={err(errors.deposit_value)}>
                <Input id="presale-deposit_value" size="small" type="number" min={0} step="0.01" value={values.deposit_value} onChange={(e) => set({ deposit_value: e.target.value })} />
              </FormField>
              <FormField id="presale-balance_opens_at" label={t("presale.form.balanceOpensAt")} error={err(errors.balance)}>
                <Input id="presale-balance_opens_at" size="small" type="datetime-local" value={values.balance_opens_at} onChange={(e) => set({ balance_opens_at: e.target.value })} />
              </FormField>
              <FormField id="presale-balance_closes_at" label={t("presale.form.balanceClosesAt")}>
                <Input id="presale-balance_closes_at" size="small" type="datetime-local" value={values.balance_closes_at} onChange={(e) => set({ balance_closes_at: e.target.value })} />
              </FormField>
            </>
          )}
        </div>
      </Container>

      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h2">{t("presale.form.limits")}</Heading>
        </div>
        <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-3">
          <FormField id="presale-per_member_limit" label={t("presale.form.perMember")} error={err(errors.per_member_limit)}>
            <Input id="presale-per_member_limit" size="small" type="number" min={1} step={1} value={values.per_member_limit} placeholder={t("presale.detail.noLimit")} onChange={(e) => set({ per_member_limit: e.target.value })} />
          </FormField>
          <FormField id="presale-per_phone_limit" label={t("presale.form.perPhone")} error={err(errors.per_phone_limit)}>
            <Input id="presale-per_phone_limit" size="small" type="number" min={1} step={1} value={values.per_phone_limit} placeholder={t("presale.detail.noLimit")} onChange={(e) => set({ per_phone_limit: e.target.value })} />
          </FormField>
          <FormField id="presale-payment_ttl_minutes" label={t("presale.form.ttl")} error={err(errors.payment_ttl_minutes)}>
            <Input id="presale-payment_ttl_minutes" size="small" type="number" min={1} step={1} value={values.payment_ttl_minutes} onChange={(e) => set({ payment_ttl_minutes: e.target.value })} />
          </FormField>
        </div>
        <div className="flex justify-end gap-x-2 px-6 py-4">
          <Button size="small" variant="secondary" type="button" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
          <Button size="small" variant="secondary" type="button" isLoading={mutation.isPending && mutation.variables === false} onClick={() => send(false)} data-testid="presale-save-draft">
            {t("presale.form.saveDraft")}
          </Button>
          <Button size="small" type="button" isLoading={mutation.isPending && mutation.variables === true} onClick={() => send(true)} data-testid="presale-create-active">
            {t("presale.form.createActive")}
          </Button>
        </div>
      </Container>
    </div>
  )
}
