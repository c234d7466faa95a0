import { ArrowLeft } from "@medusajs/icons"
import { Button, Container, Heading } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link, useParams, type UIMatch } from "react-router-dom"
import { LoadError, SectionSkeleton } from "../../../components/common/query-state"
import { TransferActionError } from "../../../components/transfers/transfer-action-error"
import { TransferHeader } from "../../../components/transfers/transfer-header"
import { TransferLinesTable } from "../../../components/transfers/transfer-lines-table"
import { TransferMovementsTable } from "../../../components/transfers/transfer-movements-table"
import { TransferQuantitiesForm } from "../../../components/transfers/transfer-quantities-form"
import { TransferReasonDrawer } from "../../../components/transfers/transfer-reason-drawer"
import { TransferReceiveForm } from "../../../components/transfers/transfer-receive-form"
import { useTransferAction } from "../../../hooks/use-transfer-action"
import { useTransfer } from "../../../hooks/use-transfers"
import { needsReason } from "../../../lib/transfer-rules"
import type { TransferAction, TransferDetail } from "../../../lib/transfer-types"

type FormAction = "approve" | "ship" | "receive"

/** One transfer: header and actions, its lines (or the open action's form), the movement log. */
const TransferDetailPage = () => {
  const { t } = useTranslation("mendian")
  const { id } = useParams()
  const { data: transfer, isLoading, error } = useTransfer(id)

  if (isLoading) {
    return (
      <div className="flex flex-col gap-y-3">
        <SectionSkeleton rows={4} />
        <SectionSkeleton rows={4} />
      </div>
    )
  }
  if (error || !transfer) {
    return (
      <div className="flex flex-col items-start gap-y-3">
        <LoadError error={error ?? new Error(t("transfers.detail.notFound"))} />
        <Button size="small" variant="secondary" asChild>
          <Link to="/transfers">
            <ArrowLeft />
            {t("transfers.detail.backToList")}
          </Link>
        </Button>
      </div>
    )
  }
  // A new document (another id) starts without an open form.
  return <TransferView key={transfer.id} transfer={transfer} />
}

const TransferView = ({ transfer }: { transfer: TransferDetail }) => {
  const { t } = useTranslation("mendian")
  const [form, setForm] = useState<FormAction | null>(null)
  const [reasonFor, setReasonFor] = useState<"close" | "cancel" | null>(null)
  const action = useTransferAction(transfer, () => {
    setForm(null)
    setReasonFor(null)
  })
  // Errors belong to the action that raised them; one started elsewhere shows on top.
  const failed = action.isError ? action.variables?.action : undefined

  const start = (a: TransferAction) => {
    action.reset()
    if (a === "request") action.mutate({ action: "request" })
    else if (needsReason(a)) setReasonFor(a)
    else setForm((f) => (f === a ? null : a))
  }

  return (
    <div className="flex flex-col gap-y-3" data-testid="transfer-detail" data-transfer-number={transfer.number} data-status={transfer.status}>
      <TransferHeader transfer={transfer} active={form} busy={action.isPending} onAction={start} />
      {failed === "request" && (
        <TransferActionError error={action.error} />
      )}
      <Container className="p-0">
        {form === "approve" || form === "ship" ? (
          <TransferQuantitiesForm
            action={form}
            lines={transfer.lines}
            pending={action.isPending}
            error={failed === form ? action.error : null}
            onSubmit={(lines) => action.mutate({ action: form, lines })}
            onCancel={() => setForm(null)}
          />
        ) : form === "receive" ? (
          <TransferReceiveForm
            lines={transfer.lines}
            pending={action.isPending}
            error={failed === "receive" ? action.error : null}
            onSubmit={(lines) => action.mutate({ action: "receive", lines })}
            onCancel={() => setForm(null)}
          />
        ) : (
          <>
            <div className="px-6 py-4">
              <Heading level="h2">{t("transfers.detail.lines")}</Heading>
            </div>
            <TransferLinesTable lines={transfer.lines} />
          </>
        )}
      </Container>
      <Container className="p-0" data-testid="transfer-movement-log">
        <div className="px-6 py-4">
          <Heading level="h2">{t("transfers.detail.movements")}</Heading>
        </div>
        <TransferMovementsTable movements={transfer.movements} lines={transfer.lines} />
      </Container>
      <TransferReasonDrawer
        action={reasonFor}
        number={transfer.number}
        pending={action.isPending}
        error={failed && failed === reasonFor ? action.error : null}
        onSubmit={(reason) => action.mutate({ action: reasonFor!, reason })}
        onClose={() => setReasonFor(null)}
      />
    </div>
  )
}

/** The crumb shows the transfer's number once it is loaded (from the same cache). */
const TransferCrumb = ({ id }: { id?: string }) => {
  const { data } = useTransfer(id)
  return <>{data?.number ?? id}</>
}

export const handle = {
  breadcrumb: (match: UIMatch) => <TransferCrumb id={(match.params as { id?: string }).id} />,
}

export default TransferDetailPage
