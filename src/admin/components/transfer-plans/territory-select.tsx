import { Select } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useMemo } from "react"
import { useTerritories } from "../../hooks/use-territories"
import { buildTerritoryTree, flattenTree } from "../../lib/territory-tree"

/** Every territory, indented by level (HQ → region → district). */
export const TerritorySelect = ({ value, onChange }: { value?: string; onChange: (id: string) => void }) => {
  const { t } = useTranslation("mendian")
  const territories = useTerritories()
  const rows = useMemo(() => flattenTree(buildTerritoryTree(territories.data ?? [])), [territories.data])
  return (
    <Select size="small" value={value ?? ""} onValueChange={onChange}>
      <Select.Trigger className="w-[260px]" aria-label={t("planner.scope.territory")} data-testid="planner-territory">
        <Select.Value placeholder={t("planner.scope.pickTerritory")} />
      </Select.Trigger>
      <Select.Content>
        {rows.map((x) => (
          <Select.Item key={x.id} value={x.id}>
            <span className="whitespace-pre">{"  ".repeat(x.depth)}</span>
            <span className="font-mono">{x.code}</span> · {x.name}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
