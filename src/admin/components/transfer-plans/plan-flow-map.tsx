import { Container, Heading, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useElementWidth } from "../../hooks/use-element-width"
import { useLocale } from "../../hooks/use-locale"
import { formatNumber } from "../../lib/format"
import { flowsOf, flowWidth, insetSegment } from "../../lib/planner-format"
import type { PlanView } from "../../lib/planner-types"
import { degreeLabel, project } from "../../lib/scatter-projection"

const PADDING = 40
const DOT = 6
const COLORS = { source: "#2563eb", destination: "#ea580c", both: "#9333ea", other: "#9ca3af" }

type Dot = { id: string; code: string; name: string; latitude: number; longitude: number; sent: number; received: number }

/**
 * The plan's shops at their coordinates (the same flat projection as the shops map) with one
 * arrow per source → destination pair, thicker for more units. Drawn locally in SVG.
 */
export const PlanFlowMap = ({ plan }: { plan: PlanView }) => {
  const { t } = useTranslation("mendian")
  const locale = useLocale()
  const { ref, width } = useElementWidth()
  const [hovered, setHovered] = useState<Dot | null>(null)
  const flows = useMemo(() => flowsOf(plan.result.lines), [plan.result.lines])
  const dots = useMemo<Dot[]>(() => {
    const sent = new Map<string, number>()
    const received = new Map<string, number>()
    for (const f of flows) {
      sent.set(f.from, (sent.get(f.from) ?? 0) + f.quantity)
      received.set(f.to, (received.get(f.to) ?? 0) + f.quantity)
    }
    return Object.entries(plan.places)
      .filter(([, p]) => Number.isFinite(p.latitude) && Number.isFinite(p.longitude))
      .map(([id, p]) => ({ id, code: p.code, name: p.name, latitude: p.latitude, longitude: p.longitude, sent: sent.get(id) ?? 0, received: received.get(id) ?? 0 }))
  }, [plan.places, flows])
  const projection = useMemo(() => project(dots, { width, minHeight: 260, maxHeight: 480, padding: PADDING }), [dots, width])
  const at = useMemo(() => new Map(dots.map((d) => [d.id, d])), [dots])
  const maxQ = Math.max(0, ...flows.map((f) => f.quantity))
  const color = (d: Dot) => (d.sent && d.received ? COLORS.both : d.sent ? COLORS.source : d.received ? COLORS.destination : COLORS.other)

  if (!plan.result.lines.length && !plan.result.unmet.length) return null
  return (
    <Container className="flex flex-col p-0" data-testid="plan-map">
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div>
          <Heading level="h2">{t("planner.map.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("planner.map.subtitle")}
          </Text>
        </div>
        <ul className="flex flex-wrap items-center gap-x-4">
          {(["source", "destination", "other"] as const).map((k) => (
            <li key={k} className="txt-compact-small text-ui-fg-subtle flex items-center gap-x-1.5">
              <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: COLORS[k] }} />
              {t(`planner.map.${k}`)}
            </li>
          ))}
        </ul>
      </div>
      <div ref={ref} className="border-ui-border-base relative border-t">
        {!projection ? (
          <Text size="small" className="text-ui-fg-muted px-6 py-10 text-center">
            {t("planner.map.empty")}
          </Text>
        ) : (
          <svg width={projection.width} height={projection.height} viewBox={`0 0 ${projection.width} ${projection.height}`} role="img" aria-label={t("planner.map.title")} className="block">
            <defs>
              <marker id="plan-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="12" markerHeight="12" orient="auto">
                <path d="M 0 0 L 10 5 L 0 10 z" fill={COLORS.source} />
              </marker>
            </defs>
            <g className="text-ui-border-base" stroke="currentColor" strokeWidth={1}>
              {projection.meridians.map((lon) => (
                <line key={`m${lon}`} x1={projection.x(lon)} x2={projection.x(lon)} y1={0} y2={projection.height} strokeDasharray="2 4" />
              ))}
              {projection.parallels.map((lat) => (
                <line key={`p${lat}`} y1={projection.y(lat)} y2={projection.y(lat)} x1={0} x2={projection.width} strokeDasharray="2 4" />
              ))}
            </g>
            <g className="text-ui-fg-muted" fill="currentColor" fontSize={10}>
              {projection.meridians.map((lon) => (
                <text key={`ml${lon}`} x={projection.x(lon) + 3} y={projection.height - 4}>
                  {degreeLabel(lon, "lon")}
                </text>
              ))}
              {projection.parallels.map((lat) => (
                <text key={`pl${lat}`} x={4} y={projection.y(lat) - 3}>
                  {degreeLabel(lat, "lat")}
                </text>
              ))}
            </g>
            <g data-testid="plan-flows">
              {flows.map((f) => {
                const a = at.get(f.from)
                const b = at.get(f.to)
                if (!a || !b) return null
                const seg = insetSegment({ x: projection.x(a.longitude), y: projection.y(a.latitude) }, { x: projection.x(b.longitude), y: projection.y(b.latitude) }, DOT + 3)
                if (!seg) return null
                return (
                  <line
                    key={`${f.from}-${f.to}`}
                    {...seg}
                    stroke={COLORS.source}
                    strokeOpacity={0.55}
                    strokeWidth={flowWidth(f.quantity, maxQ)}
                    strokeLinecap="round"
                    markerEnd="url(#plan-arrow)"
                    data-from={a.code}
                    data-to={b.code}
                    data-quantity={f.quantity}
                  >
                    <title>{`${a.code} → ${b.code}: ${formatNumber(f.quantity, locale)}`}</title>
                  </line>
                )
              })}
            </g>
            <g>
              {dots.map((d) => (
                <circle
                  key={d.id}
                  cx={projection.x(d.longitude)}
                  cy={projection.y(d.latitude)}
                  r={hovered?.id === d.id ? DOT + 2 : DOT}
                  fill={color(d)}
                  fillOpacity={0.9}
                  stroke="white"
                  strokeWidth={1.5}
                  data-shop-code={d.code}
                  data-role={d.sent && d.received ? "both" : d.sent ? "source" : d.received ? "destination" : "other"}
                  onMouseEnter={() => setHovered(d)}
                  onMouseLeave={() => setHovered((h) => (h?.id === d.id ? null : h))}
                />
              ))}
            </g>
            <g className="text-ui-fg-subtle" fill="currentColor" fontSize={11} textAnchor="middle">
              {dots.map((d) => (
                <text key={d.id} x={projection.x(d.longitude)} y={projection.y(d.latitude) - DOT - 4} className="pointer-events-none">
                  {d.code}
                </text>
              ))}
            </g>
          </svg>
        )}
        {projection && hovered && (
          <div
            className="bg-ui-bg-component shadow-elevation-tooltip txt-compact-small pointer-events-none absolute z-10 rounded-md px-2.5 py-1.5"
            style={{ left: Math.min(projection.x(hovered.longitude) + 10, projection.width - 220), top: Math.max(projection.y(hovered.latitude) - 40, 4) }}
            data-testid="plan-map-tooltip"
          >
            <div className="text-ui-fg-base font-medium">{hovered.name}</div>
            <div className="text-ui-fg-subtle">
              {hovered.code}
              {hovered.sent > 0 && ` · ${t("planner.map.source")} ${formatNumber(hovered.sent, locale)}`}
              {hovered.received > 0 && ` · ${t("planner.map.destination")} ${formatNumber(hovered.received, locale)}`}
            </div>
          </div>
        )}
      </div>
    </Container>
  )
}
