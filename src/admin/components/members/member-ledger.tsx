import { Container, Heading, Select, StatusBadge, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { Link } from "react-router-dom"
import { useLocale } from "../../hooks/use-locale"
import { useMemberPoints } from "../../hooks/use-members"
import { formatDateTime, formatNumber } from "../../lib/format"
import { actorId, actorKind, signedPoints } from "../../lib/membership-format"
import { ENTRY_KINDS, type EntryKind, type PointsEntry } from "../../lib/membership-types"
import { LoadError } from "../common/query-state"
import { TablePagination } from "../common/table-pagination"

const PAGE = 20
const ALL = "__all"

/** The points ledger, newest first: what, how many, where from, who, why, and when it matures or expires. */
export const MemberLedger = ({ memberId }: { memberId: string }) => {
  const { t } = useTranslation("mendian")
  const [kind, setKind] = useState<EntryKind | undefined>()
  const [page, setPage] = useState(0)
  const { data, error, isFetching } = useMemberPoints(memberId, { kind, limit: PAGE, offset: page * PAGE })

  return (
    <Container className="divide-y p-0" data-testid="member-ledger" data-count={data?.count}>
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <Heading level="h2">{t("membership.ledger.title")}</Heading>
        <Select
          size="small"
          value={kind ?? ALL}
          onValueChange={(v) => {
            setKind(v === ALL ? undefined : (v as EntryKind))
            setPage(0)
          }}
        >
          <Select.Trigger className="w-[180px]" aria-label={t("membership.ledger.kindFilter")} data-testid="ledger-kind-filter">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value={ALL}>{t("membership.ledger.allKinds")}</Select.Item>
            {ENTRY_KINDS.map((k) => (
              <Select.Item key={k} value={k}>
                {t(`membership.ledger.kinds.${k}`)}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </div>
      {error ? (
        <div className="px-6 py-4">
          <LoadError error={error} />
        </div>
      ) : (
        <div className={isFetching ? "opacity-70 transition-opacity" : undefined}>
          <LedgerTable entries={data?.entries ?? []} />
          <TablePagination count={data?.count ?? 0} pageIndex={page} pageSize={PAGE} onPageChange={setPage} />
        </div>
      )}
    </Container>
  )
}

const KIND_COLORS: Record<EntryKind, "green" | "blue" | "grey" | "orange" | "red" | "purple"> = {
  earn: "green",
  redeem: "blue",
  expire: "grey",
  adjust: "purple",
  reverse: "orange",
}

const LedgerTable = ({ entries }: { entries: PointsEntry[] }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const col = (k: string) => t(`membership.ledger.columns.${k}`)
  return (
    <div className="overflow-x-auto">
      <Table className="whitespace-nowrap">
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>{col("when")}</Table.HeaderCell>
            <Table.HeaderCell>{col("kind")}</Table.HeaderCell>
            <Table.HeaderCell className="text-right">{col("points")}</Table.HeaderCell>
            <Table.HeaderCell>{col("status")}</Table.HeaderCell>
            <Table.HeaderCell>{col("expires")}</Table.HeaderCell>
            <Table.HeaderCell>{col("source")}</Table.HeaderCell>
            <Table.HeaderCell>{col("actor")}</Table.HeaderCell>
            <Table.HeaderCell>{col("reason")}</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {entries.map((e) => (
            <Table.Row key={e.id} data-entry-id={e.id} data-kind={e.kind} data-points={e.points} data-status={e.status}>
              <Table.Cell className="text-ui-fg-subtle">{formatDateTime(e.created_at, locale)}</Table.Cell>
              <Table.Cell>
                <StatusBadge color={KIND_COLORS[e.kind] ?? "grey"}>{t(`membership.ledger.kinds.${e.kind}`, { defaultValue: e.kind })}</StatusBadge>
              </Table.Cell>
              <Table.Cell className={`text-right font-medium tabular-nums ${e.points < 0 ? "text-ui-fg-error" : ""}`} data-field="points">
                {signedPoints(e.points, locale)}
                {e.remaining != null && e.remaining !== e.points && e.points > 0 && (
                  <span className="text-ui-fg-muted ml-1 text-xs font-normal" title={t("membership.ledger.remainingHint")}>
                    ({t("membership.ledger.remaining", { points: formatNumber(e.remaining, locale) })})
                  </span>
                )}
              </Table.Cell>
              <Table.Cell>
                {t(`membership.ledger.statuses.${e.status}`, { defaultValue: e.status })}
                {e.status === "pending" && e.available_at && (
                  <span className="text-ui-fg-muted ml-1 text-xs">{t("membership.ledger.availableAt", { date: formatDateTime(e.available_at, locale) })}</span>
                )}
              </Table.Cell>
              <Table.Cell className="text-ui-fg-subtle" data-field="expires">{e.expires_at ? formatDateTime(e.expires_at, locale) : "–"}</Table.Cell>
              <Table.Cell data-field="source">
                {t(`membership.ledger.sources.${e.source_type}`, { defaultValue: e.source_type })}
                {e.order_id && (
                  <Link to={`/orders/${e.order_id}`} className="text-ui-fg-interactive ml-1 font-mono text-xs hover:underline">
                    {e.order_id.slice(-8)}
                  </Link>
                )}
              </Table.Cell>
              <Table.Cell data-field="actor" title={e.actor ?? undefined}>
                {t(`membership.ledger.actors.${actorKind(e.actor).replace("-", "_")}`)}
                {actorId(e.actor) && <span className="text-ui-fg-muted ml-1 font-mono text-xs">{actorId(e.actor).slice(-8)}</span>}
              </Table.Cell>
              <Table.Cell className="max-w-[240px] truncate" title={e.reason ?? undefined} data-field="reason">
                {e.reason ?? "–"}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {entries.length === 0 && (
        <Text size="small" className="text-ui-fg-muted border-ui-border-base border-b px-6 py-8 text-center">
          {t("membership.ledger.empty")}
        </Text>
      )}
    </div>
  )
}
