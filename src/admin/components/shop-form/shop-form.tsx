import { Checkbox, Heading, Input, Label, Select, Switch, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useTranslation } from "react-i18next"
import { useSellingChannels } from "../../hooks/use-sales-channels"
import { SHOP_KINDS, SHOP_STATUSES, type ShopKind, type ShopStatus } from "../../lib/types"
import { ClosuresEditor } from "./closures-editor"
import { Field } from "./field"
import { OpeningHoursEditor } from "./opening-hours-editor"
import { servesCustomersByDefault, type FormErrors, type ShopFormValues } from "./shop-form-values"
import { TerritorySelect } from "./territory-select"

const TIME_ZONES = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei"]

type Props = {
  mode: "create" | "edit"
  values: ShopFormValues
  errors: FormErrors
  onChange: (patch: Partial<ShopFormValues>) => void
}

const Section = ({ title, description, children }: { title: string; description?: string; children: ReactNode }) => (
  <section className="flex flex-col gap-y-4">
    <div>
      <Heading level="h2">{title}</Heading>
      {description && (
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      )}
    </div>
    {children}
  </section>
)

/** Every field of a shop; create adds the channel choices only a new shop takes. */
export const ShopForm = ({ mode, values, errors, onChange }: Props) => {
  const { t } = useTranslation("mendian")
  const input = (field: keyof ShopFormValues, extra: Record<string, unknown> = {}) => ({
    id: `shop-${field}`,
    name: field,
    value: values[field] as string,
    "aria-invalid": !!errors[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ [field]: e.target.value }),
    ...extra,
  })

  return (
    <div className="flex flex-col gap-y-10" data-testid="shop-form">
      <Section title={t("form.sections.general")}>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field id="shop-code" label={t("fields.code")} hint={t("form.hints.code")} error={errors.code}>
            <Input {...input("code", { placeholder: "KM-001", className: "font-mono" })} />
          </Field>
          <Field id="shop-name" label={t("fields.name")} error={errors.name}>
            <Input {...input("name", { placeholder: t("form.placeholders.name") })} />
          </Field>
          <Field id="shop-kind" label={t("fields.kind")}>
            <Select value={values.kind} onValueChange={(v) => onChange({ kind: v as ShopKind })}>
              <Select.Trigger id="shop-kind" data-testid="shop-kind">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {SHOP_KINDS.map((k) => (
                  <Select.Item key={k} value={k}>
                    {t(`kind.${k}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <Field
            id="shop-status"
            label={t("fields.status")}
            hint={mode === "edit" && values.status === "closed" ? t("form.hints.closing") : undefined}
          >
            <Select value={values.status} onValueChange={(v) => onChange({ status: v as ShopStatus })}>
              <Select.Trigger id="shop-status" data-testid="shop-status">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {SHOP_STATUSES.map((s) => (
                  <Select.Item key={s} value={s}>
                    {t(`status.${s}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </Field>
          <div className="md:col-span-2">
            <Field id="shop-territory" label={t("fields.territory")} optional>
              <TerritorySelect id="shop-territory" value={values.territory_id} onChange={(territory_id) => onChange({ territory_id })} />
            </Field>
          </div>
        </div>
      </Section>

      <Section title={t("form.sections.location")} description={t("form.sections.locationHint")}>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <Field id="shop-province" label={t("fields.province")} optional>
            <Input {...input("province", { placeholder: t("form.placeholders.province") })} />
          </Field>
          <Field id="shop-city" label={t("fields.city")} error={errors.city}>
            <Input {...input("city", { placeholder: t("form.placeholders.city") })} />
          </Field>
          <div className="md:col-span-2">
            <Field id="shop-address" label={t("fields.address")} optional>
              <Input {...input("address", { placeholder: t("form.placeholders.address") })} />
            </Field>
          </div>
          <Field id="shop-latitude" label={t("fields.latitude")} hint={t("form.hints.latitude")} error={errors.latitude}>
            <Input {...input("latitude", { inputMode: "decimal", placeholder: "25.0407" })} />
          </Field>
          <Field id="shop-longitude" label={t("fields.longitude")} hint={t("form.hints.longitude")} error={errors.longitude}>
            <Input {...input("longitude", { inputMode: "decimal", placeholder: "102.7103" })} />
          </Field>
          <Field id="shop-timezone" label={t("fields.timezone")} hint={t("form.hints.timezone")} error={errors.timezone}>
            <Input {...input("timezone", { list: "mendian-time-zones" })} />
            <datalist id="mendian-time-zones">
              {TIME_ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </Field>
        </div>
      </Section>

      <Section title={t("form.sections.operations")}>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          <Field id="shop-phone" label={t("fields.phone")} optional>
            <Input {...input("phone", { type: "tel", placeholder: "0871-63188001" })} />
          </Field>
          <Field id="shop-floor_area_m2" label={t("fields.floorArea")} optional error={errors.floor_area_m2}>
            <Input {...input("floor_area_m2", { inputMode: "numeric" })} />
          </Field>
          <Field id="shop-staff_count" label={t("fields.staffCount")} optional error={errors.staff_count}>
            <Input {...input("staff_count", { inputMode: "numeric" })} />
          </Field>
        </div>
      </Section>

      <Section title={t("hours.title")} description={t("form.sections.hoursHint")}>
        <OpeningHoursEditor
          hoursSet={values.hours_set}
          value={values.opening_hours}
          errors={errors}
          onChange={(opening_hours) => onChange({ opening_hours })}
          onHoursSetChange={(hours_set) => onChange({ hours_set })}
        />
      </Section>

      <Section title={t("closures.title")} description={t("form.sections.closuresHint")}>
        <ClosuresEditor value={values.closures} errors={errors} onChange={(closures) => onChange({ closures })} />
      </Section>

      {mode === "create" && <ChannelsSection values={values} onChange={onChange} />}
    </div>
  )
}

const ChannelsSection = ({ values, onChange }: Pick<Props, "values" | "onChange">) => {
  const { t } = useTranslation("mendian")
  const { data: channels } = useSellingChannels()
  const byDefault = servesCustomersByDefault(values.kind)
  const pos = values.pos_channel ?? byDefault
  const pickup = values.pickup ?? byDefault
  const toggleChannel = (id: string, checked: boolean) =>
    onChange({
      sales_channel_ids: checked
        ? [...values.sales_channel_ids, id]
        : values.sales_channel_ids.filter((c) => c !== id),
    })

  return (
    <Section title={t("form.sections.channels")} description={t("form.sections.channelsHint")}>
      <div className="flex flex-col gap-y-3">
        <div className="flex items-start gap-x-3">
          <Switch id="shop-pos-channel" checked={pos} onCheckedChange={(c) => onChange({ pos_channel: c })} />
          <div>
            <Label htmlFor="shop-pos-channel" size="small" weight="plus">
              {t("form.posChannel")}
            </Label>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("form.posChannelHint")}
            </Text>
          </div>
        </div>
        <div className="flex items-start gap-x-3">
          <Switch id="shop-pickup" checked={pickup} onCheckedChange={(c) => onChange({ pickup: c })} />
          <div>
            <Label htmlFor="shop-pickup" size="small" weight="plus">
              {t("form.pickup")}
            </Label>
            <Text size="xsmall" className="text-ui-fg-subtle">
              {t("form.pickupHint")}
            </Text>
          </div>
        </div>
      </div>
      {!!channels?.length && (
        <div className="flex flex-col gap-y-2">
          <Label size="small" weight="plus">
            {t("form.sellingChannels")}
          </Label>
          {channels.map((c) => (
            <div key={c.id} className="flex items-center gap-x-2">
              <Checkbox
                id={`channel-${c.id}`}
                checked={values.sales_channel_ids.includes(c.id)}
                onCheckedChange={(checked) => toggleChannel(c.id, checked === true)}
              />
              <Label htmlFor={`channel-${c.id}`} size="small">
                {c.name}
              </Label>
            </div>
          ))}
        </div>
      )}
    </Section>
  )
}
