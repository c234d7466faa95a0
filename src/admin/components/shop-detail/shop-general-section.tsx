import { ChartBar, EllipsisHorizontal, PencilSquare, Trash, TruckFast } from "@medusajs/icons"
import { Alert, Button, Container, DropdownMenu, Heading, IconButton, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useNavigate } from "react-router-dom"
import { queryKeys } from "../../hooks/query-keys"
import { useLocale } from "../../hooks/use-locale"
import { deleteShop } from "../../lib/api"
import { errorMessage } from "../../lib/api-error"
import { formatNumber } from "../../lib/format"
import type { ShopDetail } from "../../lib/types"
import { SectionRow } from "../common/section-row"
import { ShopKindLabel } from "../common/shop-kind-label"
import { ShopStatusBadge } from "../common/shop-status-badge"
import { ShopFormModal } from "../shop-form/shop-form-modal"

/** Name, status and the shop's own facts; edit and delete live here. */
export const ShopGeneralSection = ({ shop }: { shop: ShopDetail }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const prompt = usePrompt()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const [editOpen, setEditOpen] = useState(false)

  const remove = useMutation({
    mutationFn: () => deleteShop(shop.id),
    onSuccess: () => {
      toast.success(t("detail.deleted", { code: shop.code }))
      navigate("/shops", { replace: true })
      // The gone shop's page must not reload (it would 404); the lists must.
      queryClient.removeQueries({ queryKey: queryKeys.shop(shop.id) })
      queryClient.invalidateQueries({ queryKey: queryKeys.shopLists })
      queryClient.invalidateQueries({ queryKey: queryKeys.shopAlls })
    },
  })

  const confirmDelete = async () => {
    const ok = await prompt({
      title: t("detail.deleteTitle", { code: shop.code }),
      description: t("detail.deleteDescription", { name: shop.name }),
      confirmText: t("common.delete"),
      cancelText: t("common.cancel"),
      variant: "danger",
    })
    if (ok) remove.mutate()
  }

  return (
    <Container className="divide-y p-0" data-testid="shop-general">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <Heading>{shop.name}</Heading>
            <ShopStatusBadge status={shop.status} />
          </div>
          <Text size="small" className="text-ui-fg-subtle font-mono">
            {shop.code}
          </Text>
        </div>
        <div className="flex shrink-0 items-center gap-x-2">
          <Button size="small" variant="secondary" asChild>
            <Link to={`/shops/${shop.id}/replenishment`} data-testid="shop-replenishment">
              <ChartBar />
              {t("replenishment.open")}
            </Link>
          </Button>
          <Button size="small" variant="secondary" asChild>
            <Link to={`/transfers?shop_id=${shop.id}&tab=all`} data-testid="shop-transfers">
              <TruckFast />
              {t("transfers.openShopTransfers")}
            </Link>
          </Button>
          <DropdownMenu>
            <DropdownMenu.Trigger asChild>
              <IconButton size="small" variant="transparent" aria-label={t("common.actions")} data-testid="shop-actions">
                <EllipsisHorizontal />
              </IconButton>
            </DropdownMenu.Trigger>
            <DropdownMenu.Content align="end">
              <DropdownMenu.Item className="gap-x-2" onClick={() => setEditOpen(true)} data-testid="shop-edit">
                <PencilSquare className="text-ui-fg-subtle" />
                {t("common.edit")}
              </DropdownMenu.Item>
              <DropdownMenu.Separator />
              <DropdownMenu.Item className="gap-x-2" onClick={confirmDelete} data-testid="shop-delete">
                <Trash className="text-ui-fg-subtle" />
                {t("common.delete")}
              </DropdownMenu.Item>
            </DropdownMenu.Content>
          </DropdownMenu>
        </div>
      </div>
      {remove.error && (
        <div className="px-6 py-4">
          <Alert variant="error" dismissible data-testid="shop-delete-error">
            {errorMessage(remove.error, t("common.unknownError"))}
          </Alert>
        </div>
      )}
      <SectionRow label={t("fields.kind")} value={<ShopKindLabel kind={shop.kind} />} />
      <SectionRow
        label={t("fields.territory")}
        value={
          shop.territory ? (
            <Link className="text-ui-fg-interactive hover:underline" to={`/shops?territory_id=${shop.territory.id}`}>
              {shop.territory.name}
              <span className="text-ui-fg-muted"> · {t(`level.${shop.territory.level}`)}</span>
            </Link>
          ) : null
        }
      />
      <SectionRow label={t("fields.provinceCity")} value={[shop.province, shop.city].filter(Boolean).join(" ")} />
      <SectionRow label={t("fields.phone")} value={shop.phone} />
      <SectionRow
        label={t("fields.floorArea")}
        value={shop.floor_area_m2 !== null ? t("detail.squareMetres", { value: formatNumber(shop.floor_area_m2, locale) }) : null}
      />
      <SectionRow label={t("fields.staffCount")} value={shop.staff_count !== null ? formatNumber(shop.staff_count, locale) : null} />
      <SectionRow
        label={t("fields.coordinates")}
        value={<span className="font-mono">{`${shop.latitude.toFixed(5)}, ${shop.longitude.toFixed(5)}`}</span>}
      />
      <SectionRow label={t("fields.timezone")} value={shop.timezone} />

      <ShopFormModal open={editOpen} onOpenChange={setEditOpen} shop={shop} />
    </Container>
  )
}
