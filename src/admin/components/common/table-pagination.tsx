import { Table } from "@medusajs/ui"
import { useTranslation } from "react-i18next"

type Props = { count: number; pageIndex: number; pageSize: number; onPageChange: (pageIndex: number) => void }

/** The dashboard's table pager with Mendian's labels. */
export const TablePagination = ({ count, pageIndex, pageSize, onPageChange }: Props) => {
  const { t } = useTranslation("mendian")
  const pageCount = Math.max(1, Math.ceil(count / pageSize))
  return (
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
  )
}
