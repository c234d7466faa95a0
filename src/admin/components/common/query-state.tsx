import { Alert, Container, Skeleton } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/api-error"

/** Placeholder blocks while a section loads. */
export const SectionSkeleton = ({ rows = 3 }: { rows?: number }) => (
  <Container className="flex flex-col gap-y-3 px-6 py-4">
    <Skeleton className="h-6 w-40" />
    {Array.from({ length: rows }, (_, i) => (
      <Skeleton key={i} className="h-4 w-full" />
    ))}
  </Container>
)

/** The API's own message when something could not be loaded. */
export const LoadError = ({ error }: { error: unknown }) => {
  const { t } = useTranslation("mendian")
  return (
    <Alert variant="error" dismissible={false}>
      {errorMessage(error, t("common.unknownError"))}
    </Alert>
  )
}
