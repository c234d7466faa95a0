import { haversineKm } from "../geo"
import { nextOpening, weekdayOfDays, type Closure, type OpeningHours } from "../opening-hours"
import { toClosedDays, toWeeklySchedule } from "../opening-hours/weekly-schedule"

export type DeliveryPlace = {
  latitude: number
  longitude: number
  timezone: string
  opening_hours?: OpeningHours | null
  receiving_hours?: OpeningHours | null
  closures?: Closure[] | null
}

/** Road distance from straight-line distance, speed and loading time: planning figures, not promises. */
export const DELIVERY_DEFAULTS = { detourFactor: 1.3, speedKmh: 40, handlingMinutes: 30 }

/**
 * When a shipment can be handed over at its destination: the drive (haversine × detour at an
 * average speed, plus handling) from the moment it leaves, then the first moment the destination
 * receives goods — its receiving hours, or its opening hours when it has none — skipping its
 * closures. null when it receives nothing in the next two weeks, or has no hours at all.
 */
export function expectedArrival(source: DeliveryPlace | null, destination: DeliveryPlace, departure: Date, o = DELIVERY_DEFAULTS): Date | null {
  const km = source ? haversineKm({ lat: source.latitude, lng: source.longitude }, { lat: destination.latitude, lng: destination.longitude }) * o.detourFactor : 0
  const arrival = new Date(departure.getTime() + ((km / o.speedKmh) * 60 + o.handlingMinutes) * 60_000)
  const hours = destination.receiving_hours ?? destination.opening_hours
  if (!hours) return null
  return nextOpening(hours, destination.closures ?? [], destination.timezone, arrival)
}

/**
 * A destination's receiving windows on one local day, in minutes since midnight, for the
 * router: its receiving hours (else opening hours) that day; [] when closed that day or
 * without any hours (nothing can be delivered); an overnight interval counts until midnight.
 */
export function receivingWindows(place: Pick<DeliveryPlace, "opening_hours" | "receiving_hours" | "closures">, day: number): { start: number; end: number }[] {
  const hours = place.receiving_hours ?? place.opening_hours
  if (!hours || toClosedDays(place.closures ?? []).has(day)) return []
  return toWeeklySchedule(hours)[weekdayOfDays(day)].map((i) => ({ start: i.open, end: Math.min(i.end, 24 * 60) }))
}
