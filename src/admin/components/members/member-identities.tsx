import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatDateTime } from "../../lib/format"
import type { Identity } from "../../lib/membership-types"

/** Every way the member is recognised: phone, WeChat unionid and openids, Douyin, POS card. */
export const MemberIdentities = ({ identities }: { identities: Identity[] }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  return (
    <Container className="divide-y p-0" data-testid="member-identities">
      <div className="px-6 py-4">
        <Heading level="h2">{t("membership.identities.title")}</Heading>
      </div>
      {identities.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("membership.identities.empty")}
        </Text>
      ) : (
        <Table>
          <Table.Body>
            {identities.map((i) => (
              <Table.Row key={`${i.kind}:${i.app_id ?? ""}:${i.value}`} data-kind={i.kind}>
                <Table.Cell className="w-[40%]">
                  {t(`membership.identities.kind.${i.kind}`, { defaultValue: i.kind })}
                  {i.app_id && <span className="text-ui-fg-muted ml-1 font-mono text-xs">{i.app_id}</span>}
                </Table.Cell>
                <Table.Cell className="break-all font-mono">{i.value}</Table.Cell>
                <Table.Cell className="text-right">
                  {i.verified_at ? (
                    <Badge size="2xsmall" color="green" title={formatDateTime(i.verified_at, locale)}>
                      {t("membership.identities.verified")}
                    </Badge>
                  ) : (
                    <Badge size="2xsmall" color="grey">
                      {t("membership.identities.unverified")}
                    </Badge>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}
