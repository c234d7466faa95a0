import { ArrowPath } from "@medusajs/icons"
import { Button, Select, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { queryKeys } from "../../hooks/query-keys"
import { useProposals } from "../../hooks/use-replenishment"
import { useRowSelection } from "../../hooks/use-row-selection"
import { errorMessage } from "../../lib/api-error"
import { approveProposals, dismissProposals, refreshProposals } from "../../lib/replenishment-api"
import { PROPOSAL_STATUSES, type ProposalStatus } from "../../lib/replenishment-types"
import { LoadError } from "../common/query-state"
import { TablePagination } from "../common/table-pagination"
import { ProposalsTable } from "./proposals-table"

const PAGE_SIZE = 20

/**
 * Proposals of one status at a time (open first: the API lists one status): approve or dismiss
 * a selection of open ones, or recompute them from stock now.
 */
export const ProposalsTab = ({ shopId }: { shopId: string }) => {
  const { t } = useTranslation("mendian")
  const queryClient = useQueryClient()
  const [status, setStatus] = useState<ProposalStatus>("open")
  const [page, setPage] = useState(0)
  const { data, error, isFetching } = useProposals({ shop_id: shopId, status, limit: PAGE_SIZE, offset: page * PAGE_SIZE })
  const proposals = data?.proposals ?? []
  const ids = useMemo(() => proposals.map((p) => p.id), [proposals])
  const selection = useRowSelection(ids)
  // Only open proposals can be approved or dismissed.
  const actionable = selection.selected.filter((id) => proposals.find((p) => p.id === id)?.status === "open")

  const done = () => {
    selection.clear()
    queryClient.invalidateQueries({ queryKey: queryKeys.replenishment })
  }
  const onError = (e: unknown) => toast.error(errorMessage(e, t("common.unknownError")))

  const approve = useMutation({
    mutationFn: (selected: string[]) => approveProposals(selected),
    onSuccess: (r, selected) => {
      toast.success(t("replenishment.proposals.approved", { count: r.proposals?.length ?? selected.length }))
      done()
    },
    onError,
  })
  const dismiss = useMutation({
    mutationFn: (selected: string[]) => dismissProposals(selected),
    onSuccess: (r, selected) => {
      toast.success(t("replenishment.proposals.dismissed", { count: r.proposals?.length ?? selected.length }))
      done()
    },
    onError,
  })
  const refresh = useMutation({
    mutationFn: () => refreshProposals(shopId),
    onSuccess: (r) => {
      toast.success(t("replenishment.proposals.refreshed", { created: r.created ?? 0, updated: r.updated ?? 0, closed: r.closed ?? 0 }))
      done()
    },
    onError,
  })
  const busy = approve.isPending || dismiss.isPending || refresh.isPending

  return (
    <div className="divide-y" data-testid="proposals-tab">
      <div className="flex flex-wrap items-center gap-2 px-6 py-4">
        <Select
          size="small"
          value={status}
          onValueChange={(v) => {
            setStatus(v as ProposalStatus)
            setPage(0)
          }}
        >
          <Select.Trigger className="w-[170px]" aria-label={t("replenishment.proposals.statusFilter")} data-testid="filter-proposal-status">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {PROPOSAL_STATUSES.map((s) => (
              <Select.Item key={s} value={s}>
                {t(`replenishment.proposals.status.${s}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <div className="flex-1" />
        {selection.selected.length > 0 && (
          <Text size="small" className="text-ui-fg-subtle" data-testid="proposals-selected">
            {t("replenishment.proposals.selected", { count: selection.selected.length })}
          </Text>
        )}
        <Button
          size="small"
          variant="secondary"
          disabled={!actionable.length || busy}
          isLoading={dismiss.isPending}
          onClick={() => dismiss.mutate(actionable)}
          data-testid="proposals-dismiss"
        >
          {t("replenishment.proposals.dismiss")}
        </Button>
        <Button
          size="small"
          variant="primary"
          disabled={!actionable.length || busy}
          isLoading={approve.isPending}
          onClick={() => approve.mutate(actionable)}
          data-testid="proposals-approve"
        >
          {t("replenishment.proposals.approve")}
        </Button>
        <Button
          size="small"
          variant="secondary"
          disabled={busy}
          isLoading={refresh.isPending}
          onClick={() => refresh.mutate()}
          data-testid="proposals-refresh"
        >
          <ArrowPath />
          {t("replenishment.proposals.refresh")}
        </Button>
      </div>
      {error ? (
        <div className="px-6 py-4">
          <LoadError error={error} />
        </div>
      ) : (
        <div className={isFetching ? "opacity-70 transition-opacity" : undefined}>
          <ProposalsTable
            proposals={proposals}
            isSelected={selection.isSelected}
            onToggle={selection.toggle}
            allState={selection.allState}
            onToggleAll={selection.toggleAll}
          />
          <TablePagination
            count={data?.count ?? 0}
            pageIndex={page}
            pageSize={PAGE_SIZE}
            onPageChange={(p) => {
              selection.clear()
              setPage(p)
            }}
          />
        </div>
      )}
    </div>
  )
}
