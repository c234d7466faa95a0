import { Badge, Button, Container, Heading, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useAllChannels, useCategories } from "../../hooks/use-members"
import { useDeleteEarnRule, useEarnRules } from "../../hooks/use-members-settings"
import { useLocale } from "../../hooks/use-locale"
import { useAllShops } from "../../hooks/use-shops"
import { errorMessage } from "../../lib/api-error"
import { formatCalendarDate } from "../../lib/format"
import type { EarnRule } from "../../lib/membership-types"
import { LoadError } from "../common/query-state"
import { EarnRuleDrawer } from "./earn-rule-drawer"

/** Base rates (the most specific scope wins) and bonus multipliers (member day), active first. */
export const EarnRulesSection = () => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const rules = useEarnRules()
  const channels = useAllChannels()
  const categories = useCategories()
  const shops = useAllShops({ order: "code" })
  const remove = useDeleteEarnRule()
  const prompt = usePrompt()
  const [editing, setEditing] = useState<EarnRule | "new" | null>(null)
  const col = (k: string) => t(`membership.rules.columns.${k}`)
  const names = {
    channel: new Map((channels.data ?? []).map((c) => [c.id, c.name])),
    category: new Map((categories.data ?? []).map((c) => [c.id, c.name])),
    shop: new Map((shops.data ?? []).map((s) => [s.id, s.code])),
  }
  const scope = (r: EarnRule) =>
    [
      r.shop_id && `${t("membership.rules.scope.shop")}: ${names.shop.get(r.shop_id) ?? r.shop_id}`,
      r.category_id && `${t("membership.rules.scope.category")}: ${names.category.get(r.category_id) ?? r.category_id}`,
      r.sales_channel_id && `${t("membership.rules.scope.channel")}: ${names.channel.get(r.sales_channel_id) ?? r.sales_channel_id}`,
    ]
      .filter(Boolean)
      .join(" · ") || t("membership.rules.scope.all")
  const days = (r: EarnRule) =>
    [
      r.weekdays?.length && r.weekdays.map((d) => t(`membership.rules.weekdays.${d}`)).join(" "),
      r.month_days?.length && t("membership.rules.monthDays", { days: r.month_days.join(", ") }),
      (r.starts_at || r.ends_at) &&
        `${r.starts_at ? formatCalendarDate(r.starts_at.slice(0, 10), locale) : "…"} – ${r.ends_at ? formatCalendarDate(r.ends_at.slice(0, 10), locale) : "…"}`,
    ]
      .filter(Boolean)
      .join(" · ") || t("membership.rules.everyDay")

  const onDelete = async (r: EarnRule) => {
    const ok = await prompt({
      title: t("membership.rules.deleteTitle"),
      description: t("membership.rules.deleteDescription", { name: r.name }),
      confirmText: t("common.delete"),
      cancelText: t("common.cancel"),
    })
    if (!ok) return
    remove.mutate(r.id, {
      onSuccess: () => toast.success(t("membership.rules.deleted", { name: r.name })),
      onError: (e) => toast.error(errorMessage(e, t("common.unknownError"))),
    })
  }

  return (
    <Container className="divide-y p-0" data-testid="earn-rules-section">
      <div className="flex flex-wrap items-start justify-between gap-3 px-6 py-4">
        <div>
          <Heading level="h2">{t("membership.rules.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("membership.rules.subtitle")}
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setEditing("new")} data-testid="rule-add">
          {t("membership.rules.add")}
        </Button>
      </div>
      {rules.error ? (
        <div className="px-6 py-4">
          <LoadError error={rules.error} />
        </div>
      ) : (
        <div className="overflow-x-auto">
          <Table className="whitespace-nowrap" data-testid="rules-table">
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>{col("name")}</Table.HeaderCell>
                <Table.HeaderCell>{col("kind")}</Table.HeaderCell>
                <Table.HeaderCell className="text-right">{col("rate")}</Table.HeaderCell>
                <Table.HeaderCell>{col("scope")}</Table.HeaderCell>
                <Table.HeaderCell>{col("days")}</Table.HeaderCell>
                <Table.HeaderCell>{col("active")}</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {(rules.data ?? []).map((r) => (
                <Table.Row key={r.id} className="cursor-pointer" onClick={() => setEditing(r)} data-rule-name={r.name} data-kind={r.kind}>
                  <Table.Cell>{r.name}</Table.Cell>
                  <Table.Cell>{t(`membership.rules.kinds.${r.kind}`)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    {r.kind === "base" ? t("membership.rules.perYuan", { points: r.points_per_yuan }) : `×${r.multiplier}`}
                  </Table.Cell>
                  <Table.Cell>{scope(r)}</Table.Cell>
                  <Table.Cell className="max-w-[260px] truncate">{days(r)}</Table.Cell>
                  <Table.Cell>
                    <Badge size="2xsmall" color={r.active ? "green" : "grey"}>
                      {t(r.active ? "membership.rules.on" : "membership.rules.off")}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    <Button
                      size="small"
                      variant="transparent"
                      onClick={(e) => {
                        e.stopPropagation()
                        onDelete(r)
                      }}
                      data-testid="rule-delete"
                    >
                      {t("common.delete")}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          {(rules.data ?? []).length === 0 && !rules.isLoading && (
            <Text size="small" className="text-ui-fg-muted px-6 py-8 text-center">
              {t("membership.rules.empty")}
            </Text>
          )}
        </div>
      )}
      <EarnRuleDrawer rule={editing === "new" ? null : editing} open={editing !== null} onClose={() => setEditing(null)} />
    </Container>
  )
}
