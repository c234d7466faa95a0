import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Tabs } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useSearchParams } from "react-router-dom"
import { EarnRulesSection } from "../../../components/members/earn-rules-section"
import { ProgramSection } from "../../../components/members/program-section"
import { TiersSection } from "../../../components/members/tiers-section"

const TABS = ["tiers", "rules", "program"] as const
type Tab = (typeof TABS)[number]

/** The membership programme: tier ladder, earn rules, settings (the open tab in ?tab=). */
const MembershipSettingsPage = () => {
  const { t } = useTranslation("mendian")
  const [params, setParams] = useSearchParams()
  const tab: Tab = (TABS as readonly string[]).includes(params.get("tab") ?? "") ? (params.get("tab") as Tab) : "tiers"
  return (
    <div className="flex flex-col gap-y-3" data-testid="membership-settings" data-tab={tab}>
      <Tabs value={tab} onValueChange={(v) => setParams(v === "tiers" ? {} : { tab: v }, { replace: true })}>
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Trigger key={k} value={k} data-testid={`membership-tab-${k}`}>
              {t(`membership.settings.tabs.${k}`)}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </Tabs>
      {tab === "tiers" && <TiersSection />}
      {tab === "rules" && <EarnRulesSection />}
      {tab === "program" && <ProgramSection />}
    </div>
  )
}

/** A sub-item under "Members" in the sidebar. */
export const config = defineRouteConfig({
  label: "membership.nav.settings",
  translationNs: "mendian",
})

export const handle = {
  breadcrumb: () => <SettingsCrumb />,
}

const SettingsCrumb = () => {
  const { t } = useTranslation("mendian")
  return <>{t("membership.nav.settings")}</>
}

export default MembershipSettingsPage
