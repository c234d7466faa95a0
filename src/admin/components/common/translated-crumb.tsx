import { useTranslation } from "react-i18next"

/** A breadcrumb label in the admin's language (route handles render outside any page). */
export const TranslatedCrumb = ({ k }: { k: string }) => {
  const { t } = useTranslation("mendian")
  return <>{t(k)}</>
}

/**
 * The label of a page below /shops: the dashboard nests /shops/:id under /shops by path and
 * shows the list's crumb ("Shops") before it by itself.
 */
export const ShopsChildCrumb = ({ label, labelKey }: { label?: string; labelKey?: string }) => {
  const { t } = useTranslation("mendian")
  return <>{label ?? (labelKey ? t(labelKey) : "")}</>
}
