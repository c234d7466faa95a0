import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Plus } from "@medusajs/icons"
import { Button, Container, Heading, Skeleton, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { LoadError } from "../../../components/common/query-state"
import { ShopsChildCrumb } from "../../../components/common/translated-crumb"
import { TerritoryDrawer, type TerritoryDrawerState } from "../../../components/territories/territory-drawer"
import { TerritoryManagerTree } from "../../../components/territories/territory-manager-tree"
import { queryKeys } from "../../../hooks/query-keys"
import { useAllShops } from "../../../hooks/use-shops"
import { useTerritories } from "../../../hooks/use-territories"
import { deleteTerritory } from "../../../lib/api"
import { errorMessage } from "../../../lib/api-error"
import { buildTerritoryTree, countShopsBySubtree, type TerritoryNode } from "../../../lib/territory-tree"

/** HQ → region → district: add, rename, move, staff with managers, delete when empty. */
const TerritoriesPage = () => {
  const { t } = useTranslation("mendian")
  const prompt = usePrompt()
  const queryClient = useQueryClient()
  const { data: territories, isLoading, error } = useTerritories()
  const { data: shops } = useAllShops({ order: "code" })
  const roots = useMemo(() => buildTerritoryTree(territories ?? []), [territories])
  const counts = useMemo(() => countShopsBySubtree(roots, shops ?? []), [roots, shops])
  const [drawer, setDrawer] = useState<TerritoryDrawerState>(null)

  const remove = useMutation({
    mutationFn: (node: TerritoryNode) => deleteTerritory(node.id),
    onSuccess: (_, node) => {
      queryClient.invalidateQueries({ queryKey: queryKeys.territories })
      toast.success(t("territories.deleted", { name: node.name }))
    },
    // The row may be far down the tree: a toast is seen wherever the merchant is.
    onError: (e) => toast.error(errorMessage(e, t("common.unknownError"))),
  })

  const confirmDelete = async (node: TerritoryNode) => {
    const ok = await prompt({
      title: t("territories.deleteTitle", { name: node.name }),
      description: t("territories.deleteDescription"),
      confirmText: t("common.delete"),
      cancelText: t("common.cancel"),
      variant: "danger",
    })
    if (ok) remove.mutate(node)
  }

  return (
    <Container className="divide-y p-0" data-testid="territories-page">
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div>
          <Heading>{t("territories.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("territories.subtitle")}
          </Text>
        </div>
        {!isLoading && !roots.some((r) => r.level === "hq") && (
          <Button size="small" variant="secondary" onClick={() => setDrawer({ mode: "create", parent: null })}>
            <Plus />
            {t("territories.createRoot")}
          </Button>
        )}
      </div>
      <div className="text-ui-fg-muted txt-compact-small-plus hidden items-center gap-x-3 px-6 py-2 md:flex">
        <span className="flex-1">{t("fields.name")}</span>
        <span className="w-[260px]">{t("territories.managers")}</span>
        <span className="w-[80px] text-right">{t("territories.shops")}</span>
        <span className="w-7" />
      </div>
      {isLoading ? (
        <div className="flex flex-col gap-y-3 px-6 py-4">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-5 w-full" />
          ))}
        </div>
      ) : error ? (
        <div className="px-6 py-4">
          <LoadError error={error} />
        </div>
      ) : roots.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("territories.empty")}
        </Text>
      ) : (
        <TerritoryManagerTree
          roots={roots}
          shopCounts={counts}
          onAddChild={(parent) => setDrawer({ mode: "create", parent })}
          onEdit={(node) => setDrawer({ mode: "edit", node })}
          onDelete={confirmDelete}
        />
      )}
      <TerritoryDrawer state={drawer} roots={roots} onClose={() => setDrawer(null)} />
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "nav.territories",
  translationNs: "mendian",
})

export const handle = {
  breadcrumb: () => <ShopsChildCrumb labelKey="nav.territories" />,
}

export default TerritoriesPage
