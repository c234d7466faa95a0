import { EllipsisHorizontal, PencilSquare, Plus, Trash, TriangleDownMini, TriangleRightMini } from "@medusajs/icons"
import { Badge, DropdownMenu, IconButton, Text, clx } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { userDisplayName } from "../../lib/format"
import { childLevel, type TerritoryNode } from "../../lib/territory-tree"

type Props = {
  roots: TerritoryNode[]
  shopCounts: Map<string, number>
  onAddChild: (parent: TerritoryNode) => void
  onEdit: (node: TerritoryNode) => void
  onDelete: (node: TerritoryNode) => void
}

const LEVEL_COLORS = { hq: "purple", region: "blue", district: "grey" } as const

/** The whole tree with each node's managers, shop count and actions. */
export const TerritoryManagerTree = ({ roots, shopCounts, onAddChild, onEdit, onDelete }: Props) => {
  const { t } = useTranslation("mendian")
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set())

  const toggle = (id: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const renderNode = (node: TerritoryNode) => {
    const open = !collapsed.has(node.id)
    const canHaveChildren = childLevel(node.level) !== null
    return (
      <li key={node.id} role="treeitem" aria-expanded={node.children.length ? open : undefined}>
        <div
          className="hover:bg-ui-bg-base-hover flex items-center gap-x-3 px-6 py-2.5"
          data-territory-code={node.code}
        >
          <div className="flex min-w-0 flex-1 items-center gap-x-2" style={{ paddingLeft: node.depth * 20 }}>
            <button
              type="button"
              className={clx("text-ui-fg-muted flex h-6 w-6 shrink-0 items-center justify-center", {
                invisible: !node.children.length,
              })}
              onClick={() => toggle(node.id)}
              aria-label={open ? t("shops.tree.collapse") : t("shops.tree.expand")}
            >
              {open ? <TriangleDownMini /> : <TriangleRightMini />}
            </button>
            <div className="flex min-w-0 flex-col">
              <div className="flex items-center gap-x-2">
                <Text size="small" weight="plus" className="truncate">
                  {node.name}
                </Text>
                <Badge size="2xsmall" color={LEVEL_COLORS[node.level]}>
                  {t(`level.${node.level}`)}
                </Badge>
              </div>
              <Text size="xsmall" className="text-ui-fg-muted font-mono">
                {node.code}
              </Text>
            </div>
          </div>
          <div className="txt-compact-small text-ui-fg-subtle hidden w-[260px] truncate md:block">
            {node.managers?.length ? node.managers.map(userDisplayName).join(", ") : <span className="text-ui-fg-muted">–</span>}
          </div>
          <Link
            to={`/shops?territory_id=${node.id}`}
            className="txt-compact-small text-ui-fg-interactive w-[80px] text-right tabular-nums hover:underline"
          >
            {shopCounts.get(node.id) ?? 0}
          </Link>
          <DropdownMenu>
            <DropdownMenu.Trigger asChild>
              <IconButton size="small" variant="transparent" aria-label={t("common.actions")} data-testid="territory-actions">
                <EllipsisHorizontal />
              </IconButton>
            </DropdownMenu.Trigger>
            <DropdownMenu.Content align="end">
              {canHaveChildren && (
                <DropdownMenu.Item className="gap-x-2" onClick={() => onAddChild(node)}>
                  <Plus className="text-ui-fg-subtle" />
                  {t("territories.addChild", { level: t(`level.${childLevel(node.level)}`) })}
                </DropdownMenu.Item>
              )}
              <DropdownMenu.Item className="gap-x-2" onClick={() => onEdit(node)}>
                <PencilSquare className="text-ui-fg-subtle" />
                {t("territories.edit")}
              </DropdownMenu.Item>
              <DropdownMenu.Separator />
              <DropdownMenu.Item className="gap-x-2" onClick={() => onDelete(node)}>
                <Trash className="text-ui-fg-subtle" />
                {t("common.delete")}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu>
        </div>
        {open && node.children.length > 0 && <ul role="group">{node.children.map(renderNode)}</ul>}
      </li>
    )
  }

  return (
    <ul role="tree" className="divide-ui-border-base divide-y" data-testid="territory-manager-tree">
      {roots.map(renderNode)}
    </ul>
  )
}
