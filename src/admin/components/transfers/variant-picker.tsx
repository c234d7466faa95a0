import { MagnifyingGlass, XMarkMini } from "@medusajs/icons"
import { IconButton, Input, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { useVariantSearch } from "../../hooks/use-transfers"
import type { VariantOption } from "../../lib/transfer-types"

/** How a chosen variant reads: product, variant title, SKU. */
export const VariantLabel = ({ variant }: { variant: VariantOption }) => (
  <div className="flex min-w-0 flex-col">
    <span className="truncate">{variant.product?.title ?? variant.title ?? variant.id}</span>
    <span className="text-ui-fg-subtle txt-compact-xsmall truncate">
      {variant.product?.title && variant.title ? `${variant.title} · ` : ""}
      {variant.sku && <span className="font-mono">{variant.sku}</span>}
    </span>
  </div>
)

type Props = {
  value: VariantOption | null
  onChange: (v: VariantOption | null) => void
  invalid?: boolean
  testId?: string
}

/**
 * A search over Medusa's variants (SKU, barcode, variant or product title) with the results
 * under the field; Enter takes the first. Once chosen, the variant shows with a way to change it.
 */
export const VariantPicker = ({ value, onChange, invalid, testId = "variant-picker" }: Props) => {
  const { t } = useTranslation("mendian")
  const [text, setText] = useState("")
  const [q, setQ] = useState("")
  const [open, setOpen] = useState(false)

  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250)
    return () => clearTimeout(timer)
  }, [text])

  const search = useVariantSearch(q)
  const results = q.length >= 2 ? (search.data ?? []) : []
  // Results of an older search stay on screen while the new one loads: show them only when current.
  const current = q === text.trim()

  if (value) {
    return (
      <div className="flex min-h-8 items-center justify-between gap-x-2" data-testid={testId} data-sku={value.sku ?? undefined}>
        <VariantLabel variant={value} />
        <IconButton size="small" variant="transparent" type="button" aria-label={t("transfers.form.changeVariant")} onClick={() => onChange(null)}>
          <XMarkMini />
        </IconButton>
      </div>
    )
  }

  const pick = (v: VariantOption) => {
    onChange(v)
    setText("")
    setQ("")
    setOpen(false)
  }

  return (
    <div className="relative" data-testid={testId}>
      <Input
        size="small"
        type="search"
        value={text}
        placeholder={t("transfers.form.searchVariant")}
        aria-label={t("transfers.form.searchVariant")}
        aria-invalid={invalid}
        onChange={(e) => {
          setText(e.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault()
            if (current && results[0]) pick(results[0])
          } else if (e.key === "Escape") setOpen(false)
        }}
      />
      {open && text.trim() !== "" && (
        <div className="bg-ui-bg-base shadow-elevation-flyout absolute z-50 mt-1 max-h-72 w-full min-w-[280px] overflow-y-auto rounded-lg p-1" role="listbox">
          {text.trim().length < 2 ? (
            <Text size="small" className="text-ui-fg-muted px-2 py-1.5">
              {t("transfers.form.typeToSearch")}
            </Text>
          ) : !current || search.isFetching ? (
            <Text size="small" className="text-ui-fg-muted flex items-center gap-x-1 px-2 py-1.5">
              <MagnifyingGlass />
              {t("transfers.form.searching")}
            </Text>
          ) : results.length === 0 ? (
            <Text size="small" className="text-ui-fg-muted px-2 py-1.5">
              {t("transfers.form.noVariants", { q })}
            </Text>
          ) : (
            results.map((v) => (
              <button
                key={v.id}
                type="button"
                role="option"
                aria-selected={false}
                className="hover:bg-ui-bg-base-hover flex w-full rounded-md px-2 py-1.5 text-left"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(v)}
                data-testid="variant-option"
                data-sku={v.sku ?? undefined}
              >
                <VariantLabel variant={v} />
              </button>
            ))
          )}
        </div>
      )}
    </div>
  )
}
