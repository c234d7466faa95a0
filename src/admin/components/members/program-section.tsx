import { Alert, Button, Container, Heading, Input, Select, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useAllChannels, useProgram } from "../../hooks/use-members"
import { useSaveProgram } from "../../hooks/use-members-settings"
import { errorMessage } from "../../lib/api-error"
import { programBody, programForm, type ProgramForm } from "../../lib/membership-format"
import type { Program } from "../../lib/membership-types"
import { LoadError, SectionSkeleton } from "../common/query-state"
import { FormField } from "./form-field"

/** The programme's settings: downgrades, return windows per channel, expiry, redemption, consent version. */
export const ProgramSection = () => {
  const program = useProgram()
  if (program.isLoading) return <SectionSkeleton rows={6} />
  if (program.error || !program.data) {
    return (
      <Container>
        <LoadError error={program.error} />
      </Container>
    )
  }
  return <ProgramEditor program={program.data} />
}

const ProgramEditor = ({ program }: { program: Program }) => {
  const { t } = useTranslation("mendian")
  const channels = useAllChannels()
  const [form, setForm] = useState<ProgramForm>(programForm(program))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useSaveProgram(() => toast.success(t("membership.program.saved")))
  useEffect(() => setForm(programForm(program)), [program])
  const set = <K extends keyof ProgramForm>(key: K, value: ProgramForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const err = (key: string) => errors[key] && t(`membership.program.errors.${errors[key]}`)
  const field = (key: "grace_days" | "redeem_points_per_yuan" | "redeem_block" | "redeem_max_share" | "consent_version") => (
    <FormField id={`program-${key}`} label={t(`membership.program.form.${key}`)} hint={t(`membership.program.hints.${key}`)} error={err(key)}>
      <Input id={`program-${key}`} value={form[key]} onChange={(e) => set(key, e.target.value)} aria-invalid={!!errors[key]} />
    </FormField>
  )
  const setWindow = (k: string, v: string) => setForm((f) => ({ ...f, return_window_days: { ...f.return_window_days, [k]: v } }))

  return (
    <Container className="divide-y p-0" data-testid="program-section">
      <div className="px-6 py-4">
        <Heading level="h2">{t("membership.program.title")}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("membership.program.subtitle")}
        </Text>
      </div>
      <form
        className="flex flex-col gap-y-6 px-6 py-4"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          const checked = programBody(form)
          if ("errors" in checked) return setErrors(checked.errors as Record<string, string>)
          setErrors({})
          save.mutate(checked.body)
        }}
      >
        {save.isError && (
          <Alert variant="error" dismissible={false} data-testid="program-error">
            {errorMessage(save.error, t("common.unknownError"))}
          </Alert>
        )}
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <FormField id="program-downgrade" label={t("membership.program.form.downgrade_policy")} hint={t(`membership.program.downgrade.${form.downgrade_policy}Hint`)}>
            <Select value={form.downgrade_policy} onValueChange={(v) => set("downgrade_policy", v as ProgramForm["downgrade_policy"])}>
              <Select.Trigger id="program-downgrade">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="one_step">{t("membership.program.downgrade.one_step")}</Select.Item>
                <Select.Item value="recompute">{t("membership.program.downgrade.recompute")}</Select.Item>
              </Select.Content>
            </Select>
          </FormField>
          {field("grace_days")}
          <FormField id="program-expiry" label={t("membership.program.form.expiry")} hint={t(`membership.program.expiry.${form.expiry_kind}Hint`)}>
            <Select value={form.expiry_kind} onValueChange={(v) => set("expiry_kind", v as ProgramForm["expiry_kind"])}>
              <Select.Trigger id="program-expiry" data-testid="program-expiry">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="end_of_year_after_next">{t("membership.program.expiry.end_of_year_after_next")}</Select.Item>
                <Select.Item value="days">{t("membership.program.expiry.days")}</Select.Item>
                <Select.Item value="never">{t("membership.program.expiry.never")}</Select.Item>
              </Select.Content>
            </Select>
          </FormField>
          {form.expiry_kind === "days" ? (
            <FormField id="program-expiry-days" label={t("membership.program.form.expiry_days")} error={err("expiry_days")}>
              <Input id="program-expiry-days" value={form.expiry_days} onChange={(e) => set("expiry_days", e.target.value)} />
            </FormField>
          ) : (
            <div />
          )}
          {field("redeem_points_per_yuan")}
          {field("redeem_block")}
          {field("redeem_max_share")}
          {field("consent_version")}
        </div>
        <div className="flex flex-col gap-y-2" data-testid="program-return-windows">
          <Text size="small" weight="plus">
            {t("membership.program.returnWindows")}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            {t("membership.program.returnWindowsHint")}
          </Text>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
            <FormField id="program-window-default" label={t("membership.program.defaultWindow")} error={err("return_window_days.default")}>
              <Input id="program-window-default" value={form.return_window_days.default ?? ""} onChange={(e) => setWindow("default", e.target.value)} />
            </FormField>
            {(channels.data ?? []).map((c) => (
              <FormField key={c.id} id={`program-window-${c.id}`} label={c.name} error={err(`return_window_days.${c.id}`)}>
                <Input
                  id={`program-window-${c.id}`}
                  value={form.return_window_days[c.id] ?? ""}
                  placeholder={form.return_window_days.default ?? ""}
                  onChange={(e) => setWindow(c.id, e.target.value)}
                />
              </FormField>
            ))}
          </div>
        </div>
        <div className="flex justify-end">
          <Button size="small" type="submit" isLoading={save.isPending} data-testid="program-save">
            {t("common.save")}
          </Button>
        </div>
      </form>
    </Container>
  )
}
