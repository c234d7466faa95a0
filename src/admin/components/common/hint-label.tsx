import { Tooltip } from "@medusajs/ui"

/** A column header or label whose meaning is explained on hover (dotted underline). */
export const HintLabel = ({ label, hint }: { label: string; hint: string }) => (
  <Tooltip content={hint}>
    <span className="cursor-help underline decoration-dotted underline-offset-2">{label}</span>
  </Tooltip>
)
