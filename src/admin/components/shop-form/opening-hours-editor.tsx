import { Plus, XMark } from "@medusajs/icons"
import { Badge, Button, Hint, IconButton, Input, Switch, Text } from "@medusajs/ui"
import { useTranslation } from "react-i18next"
import { isOvernight, MAX_INTERVALS_PER_DAY } from "../../lib/opening-hours"
import { WEEKDAYS, type TimeInterval, type Weekday } from "../../lib/types"
import { DEFAULT_INTERVAL, everyDay, type FormErrors } from "./shop-form-values"

type Props = {
  hoursSet: boolean
  value: Record<Weekday, TimeInterval[]>
  errors: FormErrors
  onChange: (value: Record<Weekday, TimeInterval[]>) => void
  onHoursSetChange: (set: boolean) => void
}

/**
 * One row per weekday: a switch for open/closed and its intervals. A closing time at or
 * before the opening time runs past midnight and is marked +1.
 */
export const OpeningHoursEditor = ({ hoursSet, value, errors, onChange, onHoursSetChange }: Props) => {
  const { t } = useTranslation("mendian")

  if (!hoursSet) {
    return (
      <div className="border-ui-border-base flex items-center justify-between rounded-lg border border-dashed px-4 py-3">
        <Text size="small" className="text-ui-fg-subtle">
          {t("form.hours.notSet")}
        </Text>
        <Button
          type="button"
          size="small"
          variant="secondary"
          onClick={() => {
            if (WEEKDAYS.every((d) => value[d].length === 0)) onChange(everyDay([DEFAULT_INTERVAL]))
            onHoursSetChange(true)
          }}
        >
          {t("form.hours.set")}
        </Button>
      </div>
    )
  }

  const setDay = (day: Weekday, intervals: TimeInterval[]) => onChange({ ...value, [day]: intervals })
  const setInterval = (day: Weekday, index: number, patch: Partial<TimeInterval>) =>
    setDay(
      day,
      value[day].map((iv, i) => (i === index ? { ...iv, ...patch } : iv))
    )

  return (
    <div className="flex flex-col gap-y-2" data-testid="opening-hours-editor">
      <div className="divide-ui-border-base border-ui-border-base divide-y rounded-lg border">
        {WEEKDAYS.map((day) => {
          const intervals = value[day]
          const open = intervals.length > 0
          const dayError = errors[`opening_hours.${day}`]
          return (
            <div key={day} className="flex flex-col gap-y-2 px-4 py-3 sm:flex-row sm:items-start sm:gap-x-4" data-weekday={day}>
              <div className="flex w-[150px] shrink-0 items-center gap-x-3 pt-1">
                <Switch
                  id={`hours-${day}-open`}
                  size="small"
                  checked={open}
                  onCheckedChange={(checked) => setDay(day, checked ? [{ ...DEFAULT_INTERVAL }] : [])}
                  aria-label={t(`weekday.${day}`)}
                />
                <label htmlFor={`hours-${day}-open`} className="txt-compact-small-plus text-ui-fg-base">
                  {t(`weekday.${day}`)}
                </label>
              </div>
              <div className="flex flex-1 flex-col gap-y-2">
                {!open && (
                  <Text size="small" className="text-ui-fg-muted pt-1">
                    {t("hours.closedDay")}
                  </Text>
                )}
                {intervals.map((iv, i) => {
                  const openErr = errors[`opening_hours.${day}.${i}.open`]
                  const closeErr = errors[`opening_hours.${day}.${i}.close`]
                  return (
                    <div key={i} className="flex flex-col gap-y-1">
                      <div className="flex items-center gap-x-2">
                        <Input
                          size="small"
                          className="w-[84px] font-mono"
                          value={iv.open}
                          placeholder="09:00"
                          inputMode="numeric"
                          maxLength={5}
                          aria-label={t("form.hours.opens")}
                          aria-invalid={!!openErr}
                          onChange={(e) => setInterval(day, i, { open: e.target.value })}
                        />
                        <span className="text-ui-fg-muted">–</span>
                        <Input
                          size="small"
                          className="w-[84px] font-mono"
                          value={iv.close}
                          placeholder="21:00"
                          inputMode="numeric"
                          maxLength={5}
                          aria-label={t("form.hours.closes")}
                          aria-invalid={!!closeErr}
                          onChange={(e) => setInterval(day, i, { close: e.target.value })}
                        />
                        {isOvernight(iv) && (
                          <Badge size="2xsmall" color="blue">
                            {t("form.hours.nextDay")}
                          </Badge>
                        )}
                        <IconButton
                          type="button"
                          size="small"
                          variant="transparent"
                          aria-label={t("form.hours.removeInterval")}
                          onClick={() => setDay(day, intervals.filter((_, j) => j !== i))}
                        >
                          <XMark />
                        </IconButton>
                      </div>
                      {(openErr || closeErr) && (
                        <Hint variant="error">{t((openErr ?? closeErr)!.key, (openErr ?? closeErr)!.values)}</Hint>
                      )}
                    </div>
                  )
                })}
                {dayError && <Hint variant="error">{t(dayError.key, dayError.values)}</Hint>}
              </div>
              <div className="flex shrink-0 items-center gap-x-1">
                {open && intervals.length < MAX_INTERVALS_PER_DAY && (
                  <Button
                    type="button"
                    size="small"
                    variant="transparent"
                    onClick={() => setDay(day, [...intervals, { open: "", close: "" }])}
                  >
                    <Plus />
                    {t("form.hours.addInterval")}
                  </Button>
                )}
              </div>
            </div>
          )
        })}
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <Text size="xsmall" className="text-ui-fg-muted">
          {t("form.hours.help")}
        </Text>
        <div className="flex items-center gap-x-1">
          <Button type="button" size="small" variant="transparent" onClick={() => onChange(everyDay(value.mon))}>
            {t("form.hours.copyMonday")}
          </Button>
          <Button type="button" size="small" variant="transparent" onClick={() => onHoursSetChange(false)}>
            {t("form.hours.unset")}
          </Button>
        </div>
      </div>
    </div>
  )
}
