import { Alert, Button, Checkbox, Drawer, Heading, Input, Label, Select, Switch, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useAllChannels, useCategories } from "../../hooks/use-members"
import { useSaveEarnRule } from "../../hooks/use-members-settings"
import { errorMessage } from "../../lib/api-error"
import { ruleBody, ruleForm, type RuleForm } from "../../lib/membership-format"
import type { EarnRule } from "../../lib/membership-types"
import { ShopSelect } from "../common/shop-select"
import { FormField } from "./form-field"

const ANY = "__any"
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]

type Props = { rule: EarnRule | null; open: boolean; onClose: () => void }

/** A base rate (points per ¥) or a bonus multiplier, scoped to a channel, category or shop, on chosen days. */
export const EarnRuleDrawer = ({ rule, open, onClose }: Props) => {
  const { t } = useTranslation("mendian")
  const channels = useAllChannels()
  const categories = useCategories()
  const [form, setForm] = useState<RuleForm>(ruleForm(rule))
  const [errors, setErrors] = useState<Partial<Record<keyof RuleForm, string>>>({})
  const save = useSaveEarnRule(() => {
    toast.success(t(rule ? "membership.rules.saved" : "membership.rules.created"))
    onClose()
  })
  useEffect(() => {
    if (open) {
      setForm(ruleForm(rule))
      setErrors({})
      save.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, rule?.id])
  const set = <K extends keyof RuleForm>(key: K, value: RuleForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const err = (key: keyof RuleForm) => errors[key] && t(`membership.rules.errors.${errors[key]}`)

  return (
    <Drawer open={open} onOpenChange={(o) => !o && onClose()}>
      <Drawer.Content aria-describedby={undefined} data-testid="rule-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>{t(rule ? "membership.rules.edit" : "membership.rules.add")}</Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
          {save.isError && (
            <Alert variant="error" dismissible={false} data-testid="rule-error">
              {errorMessage(save.error, t("common.unknownError"))}
            </Alert>
          )}
          <form
            id="rule-form"
            className="flex flex-col gap-y-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              const checked = ruleBody(form)
              if ("errors" in checked) return setErrors(checked.errors)
              setErrors({})
              save.mutate({ id: rule?.id, body: checked.body })
            }}
          >
            <FormField id="rule-name" label={t("membership.rules.form.name")} error={err("name")}>
              <Input id="rule-name" value={form.name} onChange={(e) => set("name", e.target.value)} aria-invalid={!!errors.name} />
            </FormField>
            <FormField id="rule-kind" label={t("membership.rules.form.kind")} hint={t(`membership.rules.kindHints.${form.kind}`)}>
              <Select value={form.kind} onValueChange={(v) => set("kind", v as RuleForm["kind"])}>
                <Select.Trigger id="rule-kind" data-testid="rule-kind">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="base">{t("membership.rules.kinds.base")}</Select.Item>
                  <Select.Item value="bonus">{t("membership.rules.kinds.bonus")}</Select.Item>
                </Select.Content>
              </Select>
            </FormField>
            {form.kind === "base" ? (
              <FormField id="rule-rate" label={t("membership.rules.form.pointsPerYuan")} error={err("points_per_yuan")}>
                <Input id="rule-rate" inputMode="decimal" value={form.points_per_yuan} onChange={(e) => set("points_per_yuan", e.target.value)} />
              </FormField>
            ) : (
              <FormField id="rule-multiplier" label={t("membership.rules.form.multiplier")} error={err("multiplier")}>
                <Input id="rule-multiplier" inputMode="decimal" value={form.multiplier} onChange={(e) => set("multiplier", e.target.value)} />
              </FormField>
            )}
            <FormField id="rule-channel" label={t("membership.rules.scope.channel")}>
              <Select value={form.sales_channel_id || ANY} onValueChange={(v) => set("sales_channel_id", v === ANY ? "" : v)}>
                <Select.Trigger id="rule-channel">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={ANY}>{t("membership.rules.scope.anyChannel")}</Select.Item>
                  {(channels.data ?? []).map((c) => (
                    <Select.Item key={c.id} value={c.id}>
                      {c.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
            <FormField id="rule-category" label={t("membership.rules.scope.category")}>
              <Select value={form.category_id || ANY} onValueChange={(v) => set("category_id", v === ANY ? "" : v)}>
                <Select.Trigger id="rule-category">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={ANY}>{t("membership.rules.scope.anyCategory")}</Select.Item>
                  {(categories.data ?? []).map((c) => (
                    <Select.Item key={c.id} value={c.id}>
                      {c.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
            <FormField id="rule-shop" label={t("membership.rules.scope.shop")}>
              <ShopSelect
                id="rule-shop"
                value={form.shop_id || undefined}
                onChange={(v) => set("shop_id", v ?? "")}
                allLabel={t("membership.rules.scope.anyShop")}
                ariaLabel={t("membership.rules.scope.shop")}
                className="w-full"
                size="base"
              />
            </FormField>
            <div className="flex flex-col gap-y-1.5">
              <Label size="small" weight="plus">
                {t("membership.rules.form.weekdays")}
              </Label>
              <div className="flex flex-wrap gap-3" data-testid="rule-weekdays">
                {WEEKDAYS.map((d) => (
                  <label key={d} className="txt-compact-small flex items-center gap-x-1.5">
                    <Checkbox
                      checked={form.weekdays.includes(d)}
                      onCheckedChange={(c) => set("weekdays", c ? [...form.weekdays, d] : form.weekdays.filter((x) => x !== d))}
                    />
                    {t(`membership.rules.weekdays.${d}`)}
                  </label>
                ))}
              </div>
            </div>
            <FormField id="rule-month-days" label={t("membership.rules.form.monthDays")} hint={t("membership.rules.form.monthDaysHint")} error={err("month_days")}>
              <Input id="rule-month-days" value={form.month_days} placeholder="8, 18, 28" onChange={(e) => set("month_days", e.target.value)} />
            </FormField>
            <div className="grid grid-cols-2 gap-3">
              <FormField id="rule-starts" label={t("membership.rules.form.startsAt")}>
                <Input id="rule-starts" type="date" value={form.starts_at} onChange={(e) => set("starts_at", e.target.value)} />
              </FormField>
              <FormField id="rule-ends" label={t("membership.rules.form.endsAt")} error={err("ends_at")}>
                <Input id="rule-ends" type="date" value={form.ends_at} onChange={(e) => set("ends_at", e.target.value)} />
              </FormField>
            </div>
            <label className="txt-compact-small flex items-center gap-x-2">
              <Switch checked={form.active} onCheckedChange={(c) => set("active", c)} id="rule-active" />
              {t("membership.rules.form.active")}
            </label>
          </form>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" disabled={save.isPending}>
              {t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" type="submit" form="rule-form" isLoading={save.isPending} data-testid="rule-submit">
            {t("common.save")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
