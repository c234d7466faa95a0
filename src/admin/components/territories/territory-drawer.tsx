import { Alert, Button, Drawer, Heading, Hint, Input, Label, Select, Text, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { queryKeys } from "../../hooks/query-keys"
import { createTerritory, updateTerritory, type TerritoryUpdateBody } from "../../lib/api"
import { errorMessage } from "../../lib/api-error"
import { newIdempotencyKey } from "../../lib/idempotency-key"
import { allowedParents, childLevel, type TerritoryNode } from "../../lib/territory-tree"
import type { TerritoryLevel } from "../../lib/types"
import { ManagersPicker } from "./managers-picker"

const CODE = /^[A-Za-z0-9_-]+$/

export type TerritoryDrawerState =
  | { mode: "create"; parent: TerritoryNode | null }
  | { mode: "edit"; node: TerritoryNode }
  | null

type Props = {
  state: TerritoryDrawerState
  roots: TerritoryNode[]
  onClose: () => void
}

/**
 * Create a child (its level follows the parent's), or edit one: rename, recode, move under
 * another parent (only shallower levels outside its own subtree are offered; the API refuses
 * cycles too), and set its managers.
 */
export const TerritoryDrawer = ({ state, roots, onClose }: Props) => {
  const { t } = useTranslation("mendian")
  const queryClient = useQueryClient()
  const node = state?.mode === "edit" ? state.node : null
  const parent = state?.mode === "create" ? state.parent : null
  const level: TerritoryLevel | null = node ? node.level : childLevel(parent?.level ?? null)

  const [name, setName] = useState("")
  const [code, setCode] = useState("")
  const [parentId, setParentId] = useState<string>("")
  const [managerIds, setManagerIds] = useState<string[]>([])
  const [submitted, setSubmitted] = useState(false)
  const [key, setKey] = useState(newIdempotencyKey)

  const mutation = useMutation({
    mutationFn: async () => {
      if (node) {
        const body: TerritoryUpdateBody = {}
        if (name.trim() !== node.name) body.name = name.trim()
        if (code.trim() !== node.code) body.code = code.trim()
        if ((parentId || null) !== node.parent_id) body.parent_id = parentId || null
        const before = (node.managers ?? []).map((m) => m.id).sort().join(",")
        if ([...managerIds].sort().join(",") !== before) body.manager_ids = managerIds
        if (!Object.keys(body).length) return null
        return (await updateTerritory(node.id, body)).territory
      }
      return (
        await createTerritory(
          { code: code.trim(), name: name.trim(), level: level!, parent_id: parent?.id ?? null, manager_ids: managerIds },
          key
        )
      ).territory
    },
    onSuccess: (saved) => {
      queryClient.invalidateQueries({ queryKey: queryKeys.territories })
      // Shops show their territory's name.
      queryClient.invalidateQueries({ queryKey: queryKeys.shops })
      if (saved) toast.success(node ? t("territories.updated", { name: saved.name }) : t("territories.created", { name: saved.name }))
      onClose()
    },
    onError: () => setKey(newIdempotencyKey()),
  })

  useEffect(() => {
    if (!state) return
    setName(node?.name ?? "")
    setCode(node?.code ?? "")
    setParentId(node?.parent_id ?? "")
    setManagerIds((node?.managers ?? []).map((m) => m.id))
    setSubmitted(false)
    setKey(newIdempotencyKey())
    mutation.reset()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state])

  const parents = useMemo(() => (node ? allowedParents(roots, node) : []), [roots, node])
  const errors = {
    name: submitted && !name.trim() ? t("form.errors.required") : undefined,
    code:
      submitted && !code.trim()
        ? t("form.errors.required")
        : submitted && !CODE.test(code.trim())
          ? t("form.errors.code")
          : undefined,
    parent: submitted && node && node.level !== "hq" && !parentId ? t("territories.parentRequired") : undefined,
  }

  const submit = () => {
    setSubmitted(true)
    const ok =
      name.trim() && code.trim() && CODE.test(code.trim()) && !(node && node.level !== "hq" && !parentId)
    if (ok) mutation.mutate()
  }

  return (
    <Drawer open={!!state} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content aria-describedby={undefined} data-testid="territory-drawer">
        <Drawer.Header>
          <Drawer.Title asChild>
            <Heading>
              {node
                ? t("territories.editTitle", { name: node.name })
                : parent
                  ? t("territories.createChildTitle", { parent: parent.name, level: level ? t(`level.${level}`) : "" })
                  : t("territories.createRootTitle")}
            </Heading>
          </Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-5 overflow-y-auto">
          {mutation.error && (
            <Alert variant="error" dismissible={false} data-testid="territory-error">
              {errorMessage(mutation.error, t("common.unknownError"))}
            </Alert>
          )}
          <form
            id="territory-form"
            className="flex flex-col gap-y-5"
            onSubmit={(e) => {
              e.preventDefault()
              submit()
            }}
            noValidate
          >
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="territory-name" size="small" weight="plus">
                {t("fields.name")}
              </Label>
              <Input id="territory-name" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!errors.name} />
              {errors.name && <Hint variant="error">{errors.name}</Hint>}
            </div>
            <div className="flex flex-col gap-y-2">
              <Label htmlFor="territory-code" size="small" weight="plus">
                {t("fields.code")}
              </Label>
              <Input
                id="territory-code"
                className="font-mono"
                value={code}
                placeholder="D-KM-N"
                onChange={(e) => setCode(e.target.value)}
                aria-invalid={!!errors.code}
              />
              {errors.code ? <Hint variant="error">{errors.code}</Hint> : <Hint>{t("form.hints.code")}</Hint>}
            </div>
            <div className="flex flex-col gap-y-1">
              <Label size="small" weight="plus">
                {t("fields.level")}
              </Label>
              <Text size="small" className="text-ui-fg-subtle">
                {level ? t(`level.${level}`) : "–"}
              </Text>
            </div>
            {node && node.level !== "hq" && (
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="territory-parent" size="small" weight="plus">
                  {t("territories.parent")}
                </Label>
                <Select value={parentId} onValueChange={setParentId}>
                  <Select.Trigger id="territory-parent" data-testid="territory-parent">
                    <Select.Value placeholder={t("territories.chooseParent")} />
                  </Select.Trigger>
                  <Select.Content>
                    {parents.map((p) => (
                      <Select.Item key={p.id} value={p.id} style={{ paddingLeft: 8 + p.depth * 14 }}>
                        {p.name} <span className="text-ui-fg-muted">· {t(`level.${p.level}`)}</span>
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
                {errors.parent ? <Hint variant="error">{errors.parent}</Hint> : <Hint>{t("territories.moveHint")}</Hint>}
              </div>
            )}
            {parent && (
              <div className="flex flex-col gap-y-1">
                <Label size="small" weight="plus">
                  {t("territories.parent")}
                </Label>
                <Text size="small" className="text-ui-fg-subtle">
                  {parent.name}
                </Text>
              </div>
            )}
            <div className="flex flex-col gap-y-2">
              <Label size="small" weight="plus">
                {t("territories.managers")}
              </Label>
              <ManagersPicker value={managerIds} onChange={setManagerIds} />
            </div>
          </form>
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary">
              {t("common.cancel")}
            </Button>
          </Drawer.Close>
          <Button size="small" type="submit" form="territory-form" isLoading={mutation.isPending} data-testid="territory-submit">
            {node ? t("common.save") : t("common.create")}
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
