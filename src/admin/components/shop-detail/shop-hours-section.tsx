import { Badge, Container, Heading, Text, clx } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { useLocale } from "../../hooks/use-locale"
import { formatCalendarDate } from "../../lib/format"
import { displayClose, isOvernight, weekdaysOf } from "../../lib/opening-hours"
import { WEEKDAYS, type Shop, type TimeInterval, type Weekday } from "../../lib/types"

/** Today's weekday and date where the shop is, not where the merchant's browser is. */
const todayAt = (timeZone: string): { weekday: Weekday | null; date: string | null } => {
  try {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).formatToParts(new Date())
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ""
    const weekday = get("weekday").slice(0, 3).toLowerCase() as Weekday
    return {
      weekday: (WEEKDAYS as readonly string[]).includes(weekday) ? weekday : null,
      date: `${get("year")}-${get("month")}-${get("day")}`,
    }
  } catch {
    return { weekday: null, date: null }
  }
}

export const useIntervalText = () => {
  const { t } = useTranslation("mendian")
  return (iv: TimeInterval) =>
    isOvernight(iv)
      ? t("hours.overnight", { open: iv.open, close: iv.close })
      : t("hours.interval", { open: iv.open, close: displayClose(iv.close) })
}

/** The week's hours in the shop's own time zone, then the days it stays shut. */
export const ShopHoursSection = ({ shop }: { shop: Shop }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const intervalText = useIntervalText()
  const today = todayAt(shop.timezone)
  const closures = [...(shop.closures ?? [])].sort((a, b) => a.date.localeCompare(b.date))

  return (
    <Container className="divide-y p-0" data-testid="shop-hours">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{t("hours.title")}</Heading>
        <Text size="small" className="text-ui-fg-muted">
          {t("hours.timezone", { tz: shop.timezone })}
        </Text>
      </div>
      {!shop.opening_hours ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("hours.none")}
        </Text>
      ) : (
        <dl className="divide-y">
          {weekdaysOf(shop.opening_hours).map(([day, intervals]) => (
            <div
              key={day}
              className={clx("grid grid-cols-2 px-6 py-2.5", day === today.weekday && "bg-ui-bg-subtle")}
              data-weekday={day}
            >
              <dt className="txt-compact-small-plus text-ui-fg-subtle flex items-center gap-x-2">
                {t(`weekday.${day}`)}
                {day === today.weekday && (
                  <Badge size="2xsmall" color="blue">
                    {t("hours.today")}
                  </Badge>
                )}
              </dt>
              <dd className="txt-compact-small text-ui-fg-base flex flex-wrap gap-x-1 tabular-nums">
                {intervals.length === 0 ? (
                  <span className="text-ui-fg-muted">{t("hours.closedDay")}</span>
                ) : (
                  intervals.map((iv, i) => (
                    <span key={i}>
                      {intervalText(iv)}
                      {i < intervals.length - 1 && t("hours.separator")}
                    </span>
                  ))
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <div className="px-6 py-4">
        <Heading level="h3">{t("closures.title")}</Heading>
      </div>
      {closures.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          {t("closures.empty")}
        </Text>
      ) : (
        <ul className="divide-y" data-testid="shop-closures">
          {closures.map((c) => {
            const past = !!today.date && c.date < today.date
            return (
              <li key={c.date} className={clx("grid grid-cols-2 px-6 py-2.5", past && "opacity-60")}>
                <span className="txt-compact-small text-ui-fg-base tabular-nums">{formatCalendarDate(c.date, locale)}</span>
                <span className="txt-compact-small text-ui-fg-subtle">{c.reason || "–"}</span>
              </li>
            )
          })}
        </ul>
      )}
    </Container>
  )
}
