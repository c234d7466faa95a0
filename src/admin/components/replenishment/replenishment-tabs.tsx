import { Tabs } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useSearchParams } from "react-router-dom"
import { PoliciesTab } from "./policies-tab"
import { ProposalsTab } from "./proposals-tab"
import { SlowMoversTab } from "./slow-movers-tab"

const TABS = ["policies", "proposals", "slow-movers"] as const
type Tab = (typeof TABS)[number]
const LABELS: Record<Tab, string> = {
  policies: "replenishment.tabs.policies",
  proposals: "replenishment.tabs.proposals",
  "slow-movers": "replenishment.tabs.slowMovers",
}

/** Stock policies, proposals and slow movers of one shop; the open tab is kept in ?tab=. */
export const ReplenishmentTabs = ({ shopId }: { shopId: string }) => {
  const { t } = useTranslation("mendian")
  const [params, setParams] = useSearchParams()
  const requested = params.get("tab") as Tab | null
  const tab: Tab = requested && TABS.includes(requested) ? requested : "policies"

  const select = (next: string) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev)
        if (next === "policies") p.delete("tab")
        else p.set("tab", next)
        return p
      },
      { replace: true }
    )

  return (
    <Tabs value={tab} onValueChange={select}>
      <div className="border-ui-border-base border-b px-6 py-3">
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Trigger key={k} value={k} data-testid={`tab-${k}`}>
              {t(LABELS[k])}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
      </div>
      {/* Only the open tab is mounted, so only its list is loaded. */}
      <Tabs.Content value="policies">{tab === "policies" && <PoliciesTab shopId={shopId} />}</Tabs.Content>
      <Tabs.Content value="proposals">{tab === "proposals" && <ProposalsTab shopId={shopId} />}</Tabs.Content>
      <Tabs.Content value="slow-movers">{tab === "slow-movers" && <SlowMoversTab shopId={shopId} />}</Tabs.Content>
    </Tabs>
  )
}
