import { Container, Heading, Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useTranslation } from "react-i18next"
import { useNavigate } from "react-router-dom"
import { useElementWidth } from "../../hooks/use-element-width"
import { KIND_COLORS } from "../../lib/kind-colors"
import { degreeLabel, project } from "../../lib/scatter-projection"
import { SHOP_KINDS, type Shop } from "../../lib/types"

const PADDING = 40
const DOT_RADIUS = 5
const CITY_LABEL_MAX_SPREAD = 60

/**
 * The filtered shops at their coordinates, drawn here in SVG: no tiles, no outline, nothing
 * fetched from elsewhere. Longitude runs east, latitude north, a degree east shortened by
 * cos(latitude) as on the ground. Hover names a shop; a click opens it.
 */
export const ShopsScatterPlot = ({ shops, isLoading }: { shops: Shop[]; isLoading: boolean }) => {
  const { t } = useTranslation("mendian")
  const navigate = useNavigate()
  const { ref, width } = useElementWidth()
  const [hovered, setHovered] = useState<Shop | null>(null)

  const projection = useMemo(
    () => project(shops, { width, minHeight: 220, maxHeight: 420, padding: PADDING }),
    [shops, width]
  )
  const kindsShown = SHOP_KINDS.filter((k) => shops.some((s) => s.kind === k))

  // Seen from afar a city's shops make one cluster: name it above the cluster. Zoomed in
  // (a cluster wider than a label), the dots speak for themselves.
  const cityLabels = useMemo(() => {
    if (!projection) return []
    const byCity = new Map<string, { x: number[]; y: number[] }>()
    for (const s of shops) {
      const c = byCity.get(s.city) ?? { x: [], y: [] }
      c.x.push(projection.x(s.longitude))
      c.y.push(projection.y(s.latitude))
      byCity.set(s.city, c)
    }
    return [...byCity.entries()]
      .filter(([, c]) => Math.max(...c.x) - Math.min(...c.x) < CITY_LABEL_MAX_SPREAD)
      .map(([city, c]) => ({
        city,
        x: c.x.reduce((a, b) => a + b, 0) / c.x.length,
        y: Math.min(...c.y) - DOT_RADIUS - 6,
      }))
  }, [shops, projection])

  return (
    <Container className="flex flex-col p-0" data-testid="shops-map">
      <div className="flex flex-wrap items-center justify-between gap-2 px-6 py-4">
        <div>
          <Heading level="h2">{t("shops.map.title")}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {t("shops.map.subtitle", { count: shops.length })}
          </Text>
        </div>
        <ul className="flex flex-wrap items-center gap-x-4 gap-y-1" aria-label={t("shops.map.legend")}>
          {kindsShown.map((k) => (
            <li key={k} className="txt-compact-small text-ui-fg-subtle flex items-center gap-x-1.5">
              <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ backgroundColor: KIND_COLORS[k] }} />
              {t(`kind.${k}`)}
            </li>
          ))}
          {shops.some((s) => s.status !== "open") && (
            <li className="txt-compact-small text-ui-fg-muted flex items-center gap-x-1.5">
              <span className="bg-ui-fg-muted inline-block h-2.5 w-2.5 rounded-full opacity-40" />
              {t("shops.map.notOpen")}
            </li>
          )}
        </ul>
      </div>
      <div ref={ref} className="border-ui-border-base relative border-t">
        {!projection ? (
          <Text size="small" className="text-ui-fg-muted px-6 py-10 text-center">
            {isLoading ? t("common.loading") : t("shops.map.empty")}
          </Text>
        ) : (
          <svg
            width={projection.width}
            height={projection.height}
            viewBox={`0 0 ${projection.width} ${projection.height}`}
            role="img"
            aria-label={t("shops.map.subtitle", { count: shops.length })}
            className="block"
          >
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
            <g className="text-ui-fg-subtle" fill="currentColor" fontSize={12} textAnchor="middle">
              {cityLabels.map((l) => (
                <text key={l.city} x={l.x} y={Math.max(l.y, 12)} data-city={l.city}>
                  {l.city}
                </text>
              ))}
            </g>
            <g>
              {shops.map((shop) => (
                <circle
                  key={shop.id}
                  cx={projection.x(shop.longitude)}
                  cy={projection.y(shop.latitude)}
                  r={hovered?.id === shop.id ? DOT_RADIUS + 2 : DOT_RADIUS}
                  fill={KIND_COLORS[shop.kind] ?? "#888"}
                  fillOpacity={shop.status === "open" ? 0.85 : 0.35}
                  stroke="white"
                  strokeWidth={1.5}
                  className="cursor-pointer"
                  data-shop-code={shop.code}
                  onMouseEnter={() => setHovered(shop)}
                  onMouseLeave={() => setHovered((h) => (h?.id === shop.id ? null : h))}
                  onClick={() => navigate(`/shops/${shop.id}`)}
                  role="link"
                  aria-label={`${shop.code} ${shop.name}`}
                />
              ))}
            </g>
          </svg>
        )}
        {projection && hovered && (
          <div
            className="bg-ui-bg-component shadow-elevation-tooltip txt-compact-small pointer-events-none absolute z-10 rounded-md px-2.5 py-1.5"
            style={{
              left: Math.min(projection.x(hovered.longitude) + 10, projection.width - 200),
              top: Math.max(projection.y(hovered.latitude) - 36, 4),
            }}
            data-testid="shops-map-tooltip"
          >
            <div className="text-ui-fg-base font-medium">{hovered.name}</div>
            <div className="text-ui-fg-subtle">
              {hovered.code} · {t(`kind.${hovered.kind}`)} · {t(`status.${hovered.status}`)}
            </div>
          </div>
        )}
      </div>
    </Container>
  )
}
