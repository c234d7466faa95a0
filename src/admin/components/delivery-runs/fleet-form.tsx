import { Alert, Badge, Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"
import { errorMessage } from "../../lib/api-error"
import { fleetBody, fleetForm, type FleetForm as Values } from "../../lib/delivery-format"
import type { DepotFleet } from "../../lib/delivery-types"
import { useSaveFleet } from "./use-delivery-runs"

const FIELDS: { key: keyof Values; label: string; optional?: boolean; placeholder?: string }[] = [
  { key: "vehicle_count", label: "vehicleCount" },
  { key: "capacity_units", label: "capacityUnits" },
  { key: "capacity_volume", label: "capacityVolume", optional: true },
  { key: "max_route_km", label: "maxRouteKm", optional: true },
  { key: "max_duration_minutes", label: "maxDuration", optional: true },
  { key: "speed_kmh", label: "speed" },
  { key: "service_minutes", label: "service" },
  { key: "available_from", label: "from", placeholder: "06:00" },
  { key: "available_until", label: "until", optional: true, placeholder: "20:00" },
]

/** The depot's fleet (POST /admin/depot-fleets replaces it); the default until one is saved. */
export const FleetForm = ({ locationId, fleet }: { locationId: string; fleet: DepotFleet | null }) => {
  const { t } = useTranslation("mendian")
  const [values, setValues] = useState<Values>(() => fleetForm(locationId, fleet))
  const [bad, setBad] = useState<keyof Values | null>(null)
  const save = useSaveFleet()
  useEffect(() => setValues(fleetForm(locationId, fleet)), [locationId, fleet])

  const submit = (e: React.FormEvent) => {
    e.preventDefault()
    const out = fleetBody(values)
    if ("field" in out) return setBad(out.field)
    setBad(null)
    save.mutate(out.body)
  }
  const label = (k: string) => t(`deliveryRuns.fleet.${k}`)
  return (
    <Container className="p-0">
      <form onSubmit={submit} className="flex flex-col gap-y-3 px-6 py-4" data-testid="fleet-form">
        <div className="flex flex-wrap items-center gap-2">
          <Heading level="h2">{label("title")}</Heading>
          <Badge size="2xsmall" color={fleet ? "green" : "grey"} data-testid="fleet-configured" data-configured={fleet ? "true" : "false"}>
            {label(fleet ? "configured" : "notConfigured")}
          </Badge>
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          {label("hint")}
        </Text>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
          {FIELDS.map((f) => (
            <div key={f.key} className="flex flex-col gap-y-1">
              <Label size="xsmall" htmlFor={`fleet-${f.key}`}>
                {label(f.label)}
                {f.optional && <span className="text-ui-fg-muted"> ({label("optional")})</span>}
              </Label>
              <Input
                id={`fleet-${f.key}`}
                size="small"
                value={values[f.key]}
                placeholder={f.placeholder}
                aria-invalid={bad === f.key}
                onChange={(e) => setValues((v) => ({ ...v, [f.key]: e.target.value }))}
              />
            </div>
          ))}
        </div>
        {bad && (
          <Alert variant="error" dismissible={false} data-testid="fleet-error">
            {t("deliveryRuns.fleet.invalid", { field: label(FIELDS.find((f) => f.key === bad)!.label) })}
          </Alert>
        )}
        {save.error && (
          <Alert variant="error" dismissible={false} data-testid="fleet-error">
            {errorMessage(save.error, t("common.unknownError"))}
          </Alert>
        )}
        <div>
          <Button size="small" variant="secondary" type="submit" isLoading={save.isPending} data-testid="fleet-save">
            {label("save")}
          </Button>
        </div>
      </form>
    </Container>
  )
}
