import { en } from "./en"
import { allocationEn } from "./en-allocation"
import { zhCN } from "./zh-cn"
import { allocationZhCN } from "./zh-cn-allocation"

/**
 * Deep-merged by the dashboard into its own resources: `en` and `zhCN` are its language
 * codes (node_modules/@medusajs/dashboard/src/i18n/languages.ts), "mendian" our namespace.
 */
export default {
  en: { mendian: { ...en, allocation: allocationEn } },
  zhCN: { mendian: { ...zhCN, allocation: allocationZhCN } },
}
