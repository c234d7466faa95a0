import { Key } from "@medusajs/icons"
import { Button, Container, Heading, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useState } from "react"
import { useTranslation } from "react-i18next"
import { queryKeys } from "../../hooks/query-keys"
import { useLocale } from "../../hooks/use-locale"
import { usePosTokens } from "../../hooks/use-pos-tokens"
import { revokePosToken } from "../../lib/api"
import { errorMessage } from "../../lib/api-error"
import { formatDateTime } from "../../lib/format"
import type { PosToken } from "../../lib/types"
import { LoadError } from "../common/query-state"
import { IssuePosTokenDrawer } from "./issue-pos-token-drawer"

/** The tills' credentials for this shop: issue one (shown once), revoke one. */
export const ShopPosTokensSection = ({ shopId }: { shopId: string }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const prompt = usePrompt()
  const queryClient = useQueryClient()
  const { data: tokens, isLoading, error } = usePosTokens(shopId)
  const [issueOpen, setIssueOpen] = useState(false)

  const revoke = useMutation({
    mutationFn: (token: PosToken) => revokePosToken(shopId, token.id),
    onSuccess: (_, token) => {
      queryClient.invalidateQueries({ queryKey: queryKeys.posTokens(shopId) })
      toast.success(t("posTokens.revoked", { label: token.label }))
    },
    onError: (e) => toast.error(errorMessage(e, t("common.unknownError"))),
  })

  const confirmRevoke = async (token: PosToken) => {
    const ok = await prompt({
      title: t("posTokens.revokeTitle", { label: token.label }),
      description: t("posTokens.revokeDescription"),
      confirmText: t("posTokens.revoke"),
      cancelText: t("common.cancel"),
      variant: "danger",
    })
    if (ok) revoke.mutate(token)
  }

  return (
    <Container className="divide-y p-0" data-testid="shop-pos-tokens">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">{t("posTokens.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("posTokens.subtitle")}
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setIssueOpen(true)} data-testid="pos-token-issue">
          <Key />
          {t("posTokens.issue")}
        </Button>
      </div>
      {error ? (
        <div className="px-6 py-4">
          <LoadError error={error} />
        </div>
      ) : isLoading ? null : !tokens?.length ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("posTokens.empty")}
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>{t("posTokens.columns.label")}</Table.HeaderCell>
              <Table.HeaderCell>{t("posTokens.columns.hint")}</Table.HeaderCell>
              <Table.HeaderCell>{t("posTokens.columns.created")}</Table.HeaderCell>
              <Table.HeaderCell>{t("posTokens.columns.lastUsed")}</Table.HeaderCell>
              <Table.HeaderCell>{t("posTokens.columns.status")}</Table.HeaderCell>
              <Table.HeaderCell className="text-right">
                <span className="sr-only">{t("common.actions")}</span>
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {tokens.map((token) => (
              <Table.Row key={token.id} data-token-label={token.label}>
                <Table.Cell>{token.label}</Table.Cell>
                <Table.Cell className="font-mono">…{token.token_hint}</Table.Cell>
                <Table.Cell>{formatDateTime(token.created_at, locale)}</Table.Cell>
                <Table.Cell>{token.last_used_at ? formatDateTime(token.last_used_at, locale) : t("posTokens.neverUsed")}</Table.Cell>
                <Table.Cell>
                  {token.revoked_at ? (
                    <StatusBadge color="grey">{t("posTokens.statusRevoked")}</StatusBadge>
                  ) : (
                    <StatusBadge color="green">{t("posTokens.statusActive")}</StatusBadge>
                  )}
                </Table.Cell>
                <Table.Cell className="text-right">
                  {!token.revoked_at && (
                    <Button
                      size="small"
                      variant="transparent"
                      onClick={() => confirmRevoke(token)}
                      isLoading={revoke.isPending && revoke.variables?.id === token.id}
                    >
                      {t("posTokens.revoke")}
                    </Button>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <IssuePosTokenDrawer shopId={shopId} open={issueOpen} onOpenChange={setIssueOpen} />
    </Container>
  )
}
