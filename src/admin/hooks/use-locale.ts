import { useTranslation } from "react-i18next"

/** The dashboard's language codes (en, zhCN, …) as BCP 47 tags for Intl formatting. */
const BCP47: Record<string, string> = { en: "en-US", enGB: "en-GB", zhCN: "zh-CN", zhTW: "zh-TW" }

export const useLocale = (): string => {
  const { i18n } = useTranslation()
  const lng = i18n.language || "en"
  return BCP47[lng] ?? lng.replace(/([a-z]{2})([A-Z]{2})/, "$1-$2")
}
