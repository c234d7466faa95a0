import { en } from "./en"
import { zhCN } from "./zh-cn"

/**
 * Deep-merged by the dashboard into its own resources: `en` and `zhCN` are its language
 * codes (node_modules/@medusajs/dashboard/src/i18n/languages.ts), "mendian" our namespace.
 */
export default {
  en: { mendian: en },
  zhCN: { mendian: zhCN },
}
