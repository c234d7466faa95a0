import { Select } from "@medusajs/ui"
import { useMemo } from "react"
import { useTranslation } from "react-i18next"
import { useTerritories } from "../../hooks/use-territories"
import { buildTerritoryTree, flattenTree } from "../../lib/territory-tree"

const NONE = "__none"

/** Picks a territory from the tree, indented HQ → region → district. */
export const TerritorySelect = ({
  id,
  value,
  onChange,
}: {
  id?: string
  value: string
  onChange: (territoryId: string) => void
}) => {
  const { t } = useTranslation("mendian")
  const { data: territories, isLoading } = useTerritories()
  const options = useMemo(() => flattenTree(buildTerritoryTree(territories ?? [])), [territories])

  return (
    <Select value={value || NONE} onValueChange={(v) => onChange(v === NONE ? "" : v)} disabled={isLoading}>
      <Select.Trigger id={id} data-testid="territory-select">
        <Select.Value placeholder={t("form.territoryPlaceholder")} />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value={NONE}>{t("form.noTerritory")}</Select.Item>
        {options.map((n) => (
          <Select.Item key={n.id} value={n.id} style={{ paddingLeft: 8 + n.depth * 14 }}>
            {n.name} <span className="text-ui-fg-muted">· {t(`level.${n.level}`)}</span>
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
