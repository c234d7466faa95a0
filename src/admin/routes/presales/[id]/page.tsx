import { useParams } from "react-router-dom"
import { useTranslation } from "react-i18next"
import { LoadError, SectionSkeleton } from "../../../components/common/query-state"
import { PresaleCounters } from "../../../components/presales/presale-counters"
import { PresaleHeader } from "../../../components/presales/presale-header"
import { PresaleReservations } from "../../../components/presales/presale-reservations"
import { usePresale } from "../../../hooks/use-presales"
import { ApiError } from "../../../lib/api-error"

/** /presales/:id: the terms and actions, live counters (every 5 s), and the reservations. */
const PresaleDetailPage = () => {
  const { id } = useParams()
  const { t } = useTranslation("mendian")
  const presale = usePresale(id)
  if (presale.isLoading) return <SectionSkeleton rows={6} />
  if (presale.error || !presale.data) {
    const notFound = presale.error instanceof ApiError && presale.error.status === 404
    return notFound ? <LoadError error={t("presale.detail.notFound")} /> : <LoadError error={presale.error} />
  }
  return (
    <div className="flex flex-col gap-y-3">
      <PresaleHeader presale={presale.data} />
      <PresaleCounters presale={presale.data} updatedAt={presale.dataUpdatedAt} />
      <PresaleReservations presale={presale.data} />
    </div>
  )
}

const Crumb = () => {
  const { id } = useParams()
  const presale = usePresale(id)
  return <>{presale.data?.title ?? id}</>
}

export const handle = {
  breadcrumb: () => <Crumb />,
}

export default PresaleDetailPage
