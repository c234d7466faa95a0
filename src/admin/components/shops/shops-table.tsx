import { Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { Link, useNavigate } from "react-router-dom"
import type { Shop } from "../../lib/types"
import { ShopKindLabel } from "../common/shop-kind-label"
import { ShopStatusBadge } from "../common/shop-status-badge"

type Props = {
  shops: Shop[]
  count: number
  pageIndex: number
  pageSize: number
  isFetching: boolean
  onPageChange: (pageIndex: number) => void
}

export const ShopsTable = ({ shops, count, pageIndex, pageSize, isFetching, onPageChange }: Props) => {
  const { t } = useTranslation("mendian")
  const navigate = useNavigate()
  const pageCount = Math.max(1, Math.ceil(count / pageSize))

  return (
    <div className={isFetching ? "opacity-70 transition-opacity" : undefined}>
      <div className="overflow-x-auto">
        <Table data-testid="shops-table" className="whitespace-nowrap">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("shops.columns.code")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shops.columns.name")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shops.columns.kind")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shops.columns.status")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shops.columns.city")}</Table.HeaderCell>
              <Table.HeaderCell>{t("shops.columns.territory")}</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {shops.map((shop) => (
              <Table.Row
                key={shop.id}
                className="cursor-pointer"
                data-shop-code={shop.code}
                onClick={() => navigate(`/shops/${shop.id}`)}
              >
                <Table.Cell className="font-mono">
                  <Link to={`/shops/${shop.id}`} onClick={(e) => e.stopPropagation()} className="hover:underline">
                    {shop.code}
                  </Link>
                </Table.Cell>
                <Table.Cell>{shop.name}</Table.Cell>
                <Table.Cell>
                  <ShopKindLabel kind={shop.kind} />
                </Table.Cell>
                <Table.Cell>
                  <ShopStatusBadge status={shop.status} />
                </Table.Cell>
                <Table.Cell>{shop.city}</Table.Cell>
                <Table.Cell className="text-ui-fg-subtle">{shop.territory?.name ?? "–"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {shops.length === 0 && (
        <Text size="small" className="text-ui-fg-muted border-ui-border-base border-b px-6 py-8 text-center">
          {t("shops.empty")}
        </Text>
      )}
      <Table.Pagination
        count={count}
        pageSize={pageSize}
        pageIndex={pageIndex}
        pageCount={pageCount}
        canPreviousPage={pageIndex > 0}
        canNextPage={pageIndex + 1 < pageCount}
        previousPage={() => onPageChange(pageIndex - 1)}
        nextPage={() => onPageChange(pageIndex + 1)}
        translations={{
          of: t("pagination.of"),
          results: t("pagination.results"),
          pages: t("pagination.pages"),
          prev: t("pagination.prev"),
          next: t("pagination.next"),
        }}
      />
    </div>
  )
}
