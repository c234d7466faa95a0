import { Plus, XMarkMini } from "@medusajs/icons"
import { Alert, Badge, Button, Container, Heading, IconButton, Input, Label, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { useAllShops } from "../../hooks/use-shops"
import type { PlanBody } from "../../lib/planner-types"
import { ShopSelect } from "../common/shop-select"
import { VariantLabel, VariantPicker } from "../transfers/variant-picker"
import { emptyPlanForm, planBody, type DemandMode, type PlanFormError, type PlanFormValues, type ScopeMode } from "./plan-form-values"
import { ShortfallRows } from "./shortfall-rows"
import { TerritorySelect } from "./territory-select"

type Props = { onRun: (body: PlanBody) => void; running: boolean; error?: React.ReactNode }

/** Where, which shortfalls, how: the planner's request, sent as a dry run. */
export const PlanForm = ({ onRun, running, error }: Props) => {
  const { t } = useTranslation("mendian")
  const [v, setV] = useState<PlanFormValues>(emptyPlanForm)
  const [invalid, setInvalid] = useState<PlanFormError | null>(null)
  const shops = useAllShops({ order: "code" })
  const set = (patch: Partial<PlanFormValues>) => setV((prev) => ({ ...prev, ...patch }))
  const shopName = (id: string) => shops.data?.find((s) => s.id === id)?.code ?? id

  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    const out = planBody(v)
    if ("error" in out) return setInvalid(out.error)
    setInvalid(null)
    onRun(out.body)
  }

  return (
    <Container className="p-0">
      <form onSubmit={submit} className="divide-y" data-testid="planner-form">
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <Heading level="h2">{t("planner.scope.title")}</Heading>
          <div className="flex flex-wrap items-center gap-3">
            <Select size="small" value={v.scope} onValueChange={(s) => set({ scope: s as ScopeMode })}>
              <Select.Trigger className="w-[200px]" aria-label={t("planner.scope.title")} data-testid="planner-scope">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="chain">{t("planner.scope.wholeChain")}</Select.Item>
                <Select.Item value="territory">{t("planner.scope.territory")}</Select.Item>
                <Select.Item value="shops">{t("planner.scope.shops")}</Select.Item>
              </Select.Content>
            </Select>
            {v.scope === "territory" && <TerritorySelect value={v.territoryId} onChange={(territoryId) => set({ territoryId })} />}
            {v.scope === "shops" && (
              <ShopSelect
                value={undefined}
                placeholder={t("planner.scope.addShop")}
                ariaLabel={t("planner.scope.addShop")}
                testId="planner-add-shop"
                onChange={(id) => id && !v.shopIds.includes(id) && set({ shopIds: [...v.shopIds, id] })}
              />
            )}
          </div>
          {v.scope === "shops" && (
            <div className="flex flex-wrap gap-2" data-testid="planner-shops">
              {v.shopIds.length === 0 && (
                <Text size="small" className="text-ui-fg-muted">
                  {t("planner.scope.noShops")}
                </Text>
              )}
              {v.shopIds.map((id) => (
                <Badge key={id} size="small" className="gap-x-1" data-shop-id={id}>
                  <span className="font-mono">{shopName(id)}</span>
                  <button type="button" aria-label={t("common.remove")} onClick={() => set({ shopIds: v.shopIds.filter((x) => x !== id) })}>
                    <XMarkMini />
                  </button>
                </Badge>
              ))}
            </div>
          )}
        </div>
        <div className="flex flex-col gap-y-3 px-6 py-4">
          <Heading level="h2">{t("planner.demand.title")}</Heading>
          <Select size="small" value={v.demand} onValueChange={(d) => set({ demand: d as DemandMode })}>
            <Select.Trigger className="w-[300px]" aria-label={t("planner.demand.title")} data-testid="planner-demand">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="proposals">{t("planner.demand.proposals")}</Select.Item>
              <Select.Item value="manual">{t("planner.demand.manual")}</Select.Item>
            </Select.Content>
          </Select>
          <Text size="small" className="text-ui-fg-subtle">
            {t(v.demand === "proposals" ? "planner.demand.proposalsHint" : "planner.demand.manualHint")}
          </Text>
          {v.demand === "proposals" ? (
            <div className="flex flex-col gap-y-2" data-testid="planner-variants">
              <div className="w-[360px]">
                <VariantPicker
                  value={null}
                  testId="planner-add-variant"
                  onChange={(x) => x && !v.variants.some((y) => y.id === x.id) && set({ variants: [...v.variants, x] })}
                />
              </div>
              {v.variants.length === 0 ? (
                <Text size="small" className="text-ui-fg-muted">
                  {t("planner.demand.allVariants")}
                </Text>
              ) : (
                <ul className="flex flex-col gap-y-1">
                  {v.variants.map((x) => (
                    <li key={x.id} className="flex max-w-[420px] items-center justify-between gap-x-2" data-sku={x.sku ?? undefined}>
                      <VariantLabel variant={x} />
                      <IconButton size="small" variant="transparent" type="button" aria-label={t("common.remove")} onClick={() => set({ variants: v.variants.filter((y) => y.id !== x.id) })}>
                        <XMarkMini />
                      </IconButton>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ) : (
            <ShortfallRows rows={v.rows} onChange={(rows) => set({ rows })} />
          )}
        </div>
        <div className="flex flex-wrap items-end gap-4 px-6 py-4">
          <div className="flex flex-col gap-y-1">
            <Label size="small">{t("planner.options.method")}</Label>
            <Select size="small" value={v.method} onValueChange={(m) => set({ method: m as PlanFormValues["method"] })}>
              <Select.Trigger className="w-[260px]" data-testid="planner-method">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {(["colgen", "full", "greedy"] as const).map((m) => (
                  <Select.Item key={m} value={m}>
                    {t(`planner.options.methods.${m}`)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small" htmlFor="planner-max-sources">
              {t("planner.options.maxSources")}
            </Label>
            <Input id="planner-max-sources" size="small" className="w-[120px]" inputMode="numeric" value={v.maxSources} onChange={(e) => set({ maxSources: e.target.value })} placeholder="–" title={t("planner.options.maxSourcesHint")} />
          </div>
          <Button size="small" type="submit" isLoading={running} data-testid="planner-run">
            <Plus />
            {t("planner.run")}
          </Button>
        </div>
        {(invalid || error) && (
          <div className="px-6 py-4">
            {invalid ? (
              <Alert variant="error" dismissible={false} data-testid="planner-form-error">
                {String(t(invalid.key, invalid.values ?? {}))}
              </Alert>
            ) : (
              error
            )}
          </div>
        )}
      </form>
    </Container>
  )
}
