import { Alert, Button, FocusModal, Heading, toast } from "@medusajs/ui"
import { useMutation, useQueryClient } from "@tanstack/react-query"
import { useEffect, useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { queryKeys } from "../../hooks/query-keys"
import { createShop, updateShop } from "../../lib/api"
import { errorMessage } from "../../lib/api-error"
import { newIdempotencyKey } from "../../lib/idempotency-key"
import type { Shop } from "../../lib/types"
import { ShopForm } from "./shop-form"
import {
  changedFields,
  emptyShopForm,
  formToCreateBody,
  shopToForm,
  validateShopForm,
  type ShopFormValues,
} from "./shop-form-values"

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  /** Edit this shop; without it the modal creates one. */
  shop?: Shop
  onSaved?: (shop: Shop) => void
}

/** Create or edit a shop in a full-screen modal; the API's refusal (e.g. 409 on closing) shows on top. */
export const ShopFormModal = ({ open, onOpenChange, shop, onSaved }: Props) => {
  const { t } = useTranslation("mendian")
  const queryClient = useQueryClient()
  const mode = shop ? "edit" : "create"
  const initial = useMemo(() => (shop ? shopToForm(shop) : emptyShopForm()), [shop])
  const [values, setValues] = useState<ShopFormValues>(initial)
  const [submitted, setSubmitted] = useState(false)
  const [key, setKey] = useState(newIdempotencyKey)

  const errors = useMemo(() => (submitted ? validateShopForm(values) : {}), [submitted, values])

  const mutation = useMutation({
    mutationFn: async (v: ShopFormValues) => {
      if (shop) return (await updateShop(shop.id, changedFields(initial, v))).shop
      return (await createShop(formToCreateBody(v), key)).shop
    },
    onSuccess: (saved) => {
      queryClient.invalidateQueries({ queryKey: queryKeys.shops })
      toast.success(shop ? t("form.saved", { code: saved.code }) : t("form.created", { code: saved.code }))
      onSaved?.(saved)
      onOpenChange(false)
    },
    // A rejected create is stored under its key; a corrected retry needs a new one.
    onError: () => setKey(newIdempotencyKey()),
  })

  // Each opening starts from the shop as it is now (a refetch while open keeps the edits).
  useEffect(() => {
    if (open) {
      setValues(initial)
      setSubmitted(false)
      setKey(newIdempotencyKey())
      mutation.reset()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])

  const submit = () => {
    setSubmitted(true)
    if (Object.keys(validateShopForm(values)).length) return
    if (shop && Object.keys(changedFields(initial, values)).length === 0) {
      onOpenChange(false)
      return
    }
    mutation.mutate(values)
  }

  const invalid = submitted && Object.keys(errors).length > 0

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content aria-describedby={undefined}>
        <FocusModal.Header>
          <div className="flex items-center justify-end gap-x-2">
            <FocusModal.Close asChild>
              <Button size="small" variant="secondary">
                {t("common.cancel")}
              </Button>
            </FocusModal.Close>
            <Button size="small" onClick={submit} isLoading={mutation.isPending} data-testid="shop-form-submit">
              {mode === "create" ? t("form.createSubmit") : t("common.save")}
            </Button>
          </div>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-12">
          <form
            className="flex w-full max-w-[760px] flex-col gap-y-8 px-4"
            onSubmit={(e) => {
              e.preventDefault()
              submit()
            }}
            noValidate
          >
            <FocusModal.Title asChild>
              <Heading>{mode === "create" ? t("form.createTitle") : t("form.editTitle", { code: shop!.code })}</Heading>
            </FocusModal.Title>
            {mutation.error && (
              <Alert variant="error" dismissible={false} data-testid="shop-form-error">
                {errorMessage(mutation.error, t("common.unknownError"))}
              </Alert>
            )}
            {invalid && (
              <Alert variant="warning" dismissible={false}>
                {t("form.fixErrors")}
              </Alert>
            )}
            <ShopForm
              mode={mode}
              values={values}
              errors={errors}
              onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
            />
            {/* Enter in a field submits. */}
            <button type="submit" hidden />
          </form>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}
