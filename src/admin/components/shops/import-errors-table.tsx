import { Table } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import type { ImportRowError } from "../../lib/types"

/** Every problem of a rejected file, by row (1 = first data row, 0 = header or whole file). */
export const ImportErrorsTable = ({ errors }: { errors: ImportRowError[] }) => {
  const { t } = useTranslation("mendian")
  return (
    <div className="border-ui-border-base max-h-[420px] overflow-auto rounded-lg border">
      <Table data-testid="import-errors">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell className="w-[90px]">{t("import.columns.row")}</Table.HeaderCell>
            <Table.HeaderCell className="w-[160px]">{t("import.columns.field")}</Table.HeaderCell>
            <Table.HeaderCell>{t("import.columns.message")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {errors.map((e, i) => (
            <Table.Row key={i}>
              <Table.Cell className="tabular-nums">{e.row === 0 ? t("import.headerRow") : e.row}</Table.Cell>
              <Table.Cell className="font-mono">{e.field}</Table.Cell>
              <Table.Cell className="whitespace-normal">{e.message}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  )
}
