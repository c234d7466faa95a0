import { XMarkMini } from "@medusajs/icons"
import { Badge, Checkbox, Input, Label, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useAdminUsers } from "../../hooks/use-admin-users"
import { userDisplayName } from "../../lib/format"

/** Pick any number of admin users (GET /admin/users) as a territory's managers. */
export const ManagersPicker = ({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) => {
  const { t } = useTranslation("mendian")
  const { data: users, isLoading } = useAdminUsers()
  const [search, setSearch] = useState("")
  const byId = useMemo(() => new Map((users ?? []).map((u) => [u.id, u])), [users])
  const shown = useMemo(() => {
    const q = search.trim().toLowerCase()
    return (users ?? []).filter((u) => !q || `${userDisplayName(u)} ${u.email}`.toLowerCase().includes(q))
  }, [users, search])

  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id))

  return (
    <div className="flex flex-col gap-y-2" data-testid="managers-picker">
      <div className="flex min-h-[28px] flex-wrap gap-1">
        {value.length === 0 ? (
          <Text size="small" className="text-ui-fg-muted">
            {t("territories.noManagers")}
          </Text>
        ) : (
          value.map((id) => {
            const u = byId.get(id)
            return (
              <Badge key={id} size="small" className="gap-x-1">
                {u ? userDisplayName(u) : id}
                <button type="button" aria-label={t("common.remove")} onClick={() => toggle(id, false)}>
                  <XMarkMini />
                </button>
              </Badge>
            )
          })
        )}
      </div>
      <Input
        type="search"
        size="small"
        value={search}
        placeholder={t("territories.searchUsers")}
        onChange={(e) => setSearch(e.target.value)}
      />
      <div className="border-ui-border-base max-h-[220px] overflow-y-auto rounded-lg border">
        {isLoading ? (
          <Text size="small" className="text-ui-fg-muted p-3">
            {t("common.loading")}
          </Text>
        ) : shown.length === 0 ? (
          <Text size="small" className="text-ui-fg-muted p-3">
            {t("territories.noUsers")}
          </Text>
        ) : (
          shown.map((u) => (
            <div key={u.id} className="hover:bg-ui-bg-base-hover flex items-center gap-x-3 px-3 py-2">
              <Checkbox
                id={`manager-${u.id}`}
                checked={value.includes(u.id)}
                onCheckedChange={(c) => toggle(u.id, c === true)}
              />
              <Label htmlFor={`manager-${u.id}`} size="small" className="flex flex-1 flex-col">
                <span>{userDisplayName(u)}</span>
                {userDisplayName(u) !== u.email && <span className="text-ui-fg-subtle txt-compact-xsmall">{u.email}</span>}
              </Label>
            </div>
          ))
        )}
      </div>
    </div>
  )
}
