import { useTranslation } from "react-i18next"
import { KIND_COLORS } from "../../lib/kind-colors"
import type { ShopKind } from "../../lib/types"

/** The kind's name with the dot colour the map uses for it. */
export const ShopKindLabel = ({ kind }: { kind: ShopKind }) => {
  const { t } = useTranslation("mendian")
  return (
    <span className="inline-flex items-center gap-x-2" data-kind={kind}>
      <span
        aria-hidden
        className="inline-block h-2 w-2 shrink-0 rounded-full"
        style={{ backgroundColor: KIND_COLORS[kind] ?? "#888" }}
      />
      <span>{t(`kind.${kind}`)}</span>
    </span>
  )
}
