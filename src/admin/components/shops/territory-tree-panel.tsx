import { TriangleDownMini, TriangleRightMini } from "@medusajs/icons"
import { Container, Heading, Skeleton, Text, clx } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { buildTerritoryTree, countShopsBySubtree, pathTo, type TerritoryNode } from "../../lib/territory-tree"
import type { Shop, Territory } from "../../lib/types"
import { LoadError } from "../common/query-state"

type Props = {
  territories: Territory[] | undefined
  isLoading: boolean
  error: unknown
  /** All shops (unfiltered), for the count beside each node. */
  shops: Pick<Shop, "territory_id">[] | undefined
  selectedId: string | undefined
  onSelect: (id: string | undefined) => void
}

/** HQ → region → district; choosing a node filters the shops to everything below it. */
export const TerritoryTreePanel = ({ territories, isLoading, error, shops, selectedId, onSelect }: Props) => {
  const { t } = useTranslation("mendian")
  const roots = useMemo(() => buildTerritoryTree(territories ?? []), [territories])
  const counts = useMemo(() => countShopsBySubtree(roots, shops ?? []), [roots, shops])
  const [expanded, setExpanded] = useState<Set<string>>(new Set())

  // Open the roots at first, and the way down to a node chosen from the address bar.
  useEffect(() => {
    if (!territories?.length) return
    setExpanded((prev) => {
      const next = new Set(prev)
      roots.forEach((r) => next.add(r.id))
      if (selectedId) pathTo(territories, selectedId).slice(0, -1).forEach((id) => next.add(id))
      return next
    })
  }, [territories, roots, selectedId])

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const renderNode = (node: TerritoryNode) => {
    const open = expanded.has(node.id)
    const selected = node.id === selectedId
    return (
      <li key={node.id} role="treeitem" aria-expanded={node.children.length ? open : undefined} aria-selected={selected}>
        <div
          className={clx(
            "flex items-center gap-x-1 rounded-md pr-2 transition-fg",
            selected ? "bg-ui-bg-base-pressed text-ui-fg-base" : "text-ui-fg-subtle hover:bg-ui-bg-base-hover"
          )}
          style={{ paddingLeft: node.depth * 14 }}
        >
          <button
            type="button"
            className={clx("text-ui-fg-muted flex h-7 w-6 shrink-0 items-center justify-center", {
              invisible: !node.children.length,
            })}
            onClick={() => toggle(node.id)}
            aria-label={open ? t("shops.tree.collapse") : t("shops.tree.expand")}
          >
            {open ? <TriangleDownMini /> : <TriangleRightMini />}
          </button>
          <button
            type="button"
            className="flex min-w-0 flex-1 items-center justify-between gap-x-2 py-1 text-left"
            onClick={() => onSelect(selected ? undefined : node.id)}
            data-territory-code={node.code}
          >
            <span className="txt-compact-small truncate" title={`${node.code} · ${t(`level.${node.level}`)}`}>
              {node.name}
            </span>
            <span className="txt-compact-xsmall text-ui-fg-muted tabular-nums">{counts.get(node.id) ?? 0}</span>
          </button>
        </div>
        {open && node.children.length > 0 && <ul role="group">{node.children.map(renderNode)}</ul>}
      </li>
    )
  }

  return (
    <Container className="flex flex-col p-0" data-testid="territory-tree">
      <div className="flex items-center justify-between px-4 py-3">
        <Heading level="h2">{t("shops.tree.title")}</Heading>
        <Link to="/shops/territories" className="txt-compact-small text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
          {t("shops.tree.manage")}
        </Link>
      </div>
      <div className="border-ui-border-base border-t px-2 py-2">
        <button
          type="button"
          onClick={() => onSelect(undefined)}
          className={clx(
            "txt-compact-small-plus flex w-full items-center justify-between rounded-md px-2 py-1",
            !selectedId ? "bg-ui-bg-base-pressed text-ui-fg-base" : "text-ui-fg-subtle hover:bg-ui-bg-base-hover"
          )}
        >
          <span>{t("shops.tree.all")}</span>
          <span className="txt-compact-xsmall text-ui-fg-muted tabular-nums">{shops?.length ?? ""}</span>
        </button>
        {isLoading ? (
          <div className="flex flex-col gap-y-2 p-2">
            <Skeleton className="h-4 w-3/4" />
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-4 w-1/2" />
          </div>
        ) : error ? (
          <div className="p-2">
            <LoadError error={error} />
          </div>
        ) : roots.length ? (
          <ul role="tree" className="max-h-[640px] overflow-y-auto">
            {roots.map(renderNode)}
          </ul>
        ) : (
          <Text size="small" className="text-ui-fg-muted p-2">
            {t("territories.empty")}
          </Text>
        )}
      </div>
    </Container>
  )
}
