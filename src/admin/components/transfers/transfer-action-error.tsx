import { Alert } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { errorCode, errorMessage } from "../../lib/api-error"
import { refusalKind } from "../../lib/transfer-rules"

/** A refused action: what it means in the admin's language (when the code says), then the API's message. */
export const TransferActionError = ({ error }: { error: unknown }) => {
  const { t } = useTranslation("mendian")
  const code = errorCode(error)
  const kind = refusalKind(code)
  return (
    <Alert variant="error" dismissible={false} data-testid="transfer-action-error" data-code={code}>
      {kind && <span className="block font-medium">{t(`transfers.refusal.${kind}`)}</span>}
      <span className="block">{errorMessage(error, t("common.unknownError"))}</span>
    </Alert>
  )
}
