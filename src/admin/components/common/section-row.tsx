import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** "Label  value" row of a detail section, as the dashboard's own detail pages show them. */
export const SectionRow = ({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-start px-6 py-4" data-testid={testId}>
    <Text size="small" leading="compact" weight="plus">
      {label}
    </Text>
    <div className="txt-small text-ui-fg-base min-w-0 break-words">
      {value === null || value === undefined || value === "" ? "–" : value}
    </div>
  </div>
)
