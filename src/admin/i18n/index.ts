import { en } from "./en"
import { allocationEn } from "./en-allocation"
import { membershipEn } from "./en-membership"
import { deliveryRunsEn, plannerEn } from "./en-planner"
import { presaleEn } from "./en-presale"
import { zhCN } from "./zh-cn"
import { allocationZhCN } from "./zh-cn-allocation"
import { membershipZhCN } from "./zh-cn-membership"
import { deliveryRunsZhCN, plannerZhCN } from "./zh-cn-planner"
import { presaleZhCN } from "./zh-cn-presale"

/**
 * Deep-merged by the dashboard into its own resources: `en` and `zhCN` are its language
 * codes (node_modules/@medusajs/dashboard/src/i18n/languages.ts), "mendian" our namespace.
 */
export default {
  en: { mendian: { ...en, allocation: allocationEn, planner: plannerEn, deliveryRuns: deliveryRunsEn, membership: membershipEn, presale: presaleEn } },
  zhCN: { mendian: { ...zhCN, allocation: allocationZhCN, planner: plannerZhCN, deliveryRuns: deliveryRunsZhCN, membership: membershipZhCN, presale: presaleZhCN } },
}
