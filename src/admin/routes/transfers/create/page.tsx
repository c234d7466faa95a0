import { useRef } from "react"
import { useNavigate, useSearchParams } from "react-router-dom"
import { TranslatedCrumb } from "../../../components/common/translated-crumb"
import { TransferFormModal } from "../../../components/transfers/transfer-form-modal"

/** /transfers/create: cancelling goes back to the board, saving to the new transfer. */
const CreateTransferPage = () => {
  const navigate = useNavigate()
  const [params] = useSearchParams()
  const saved = useRef(false)
  return (
    <TransferFormModal
      open
      sourceShopId={params.get("source_shop_id") || undefined}
      onOpenChange={(open) => {
        if (!open && !saved.current) navigate("/transfers", { replace: true })
      }}
      onCreated={(transfer) => {
        saved.current = true
        navigate(`/transfers/${transfer.id}`, { replace: true })
      }}
    />
  )
}

export const handle = {
  breadcrumb: () => <TranslatedCrumb k="transfers.form.title" />,
}

export default CreateTransferPage
