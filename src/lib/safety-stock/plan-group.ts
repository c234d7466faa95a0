import { allocateGroupService, ITEM_SERVICE_FLOOR, MIN_GROUP_SIZE } from "./group-service"
import { curveLevel, curveQuantile, planPolicy, resolveTarget, serviceCurve, type Policy, type PolicyInput, type ServiceCurves } from "./plan-policy"

/**
 * Policies for a batch of series where cycle-service targets are met per group (group-service.ts):
 * the series sharing a group key (a location) and a cycle-service target level are allocated
 * together; each then gets planPolicy at its own allocated level, so its reorder point, safety
 * stock and overrides follow as for any target. Everything else — fill-rate targets, series with
 * the merchant's levels or own target (`group: false`), no demand — is planned alone.
 *
 * A group of fewer than MIN_GROUP_SIZE series (a run for one variant) cannot be allocated: its
 * members keep the own service level their group gave them in the last run (`stored`), so a
 * partial run keeps the nightly share, and are planned at their own target otherwise.
 */

export interface GroupInput extends PolicyInput {
  /** The group the series' cycle-service target is met in (its location); absent: planned alone. */
  groupKey?: string | null
  /** Set false to plan the series alone (the merchant set its levels or its own target). */
  group?: boolean
  /** The series' share of its group in the last run, for groups too small to allocate. */
  stored?: StoredShare | null
}

/** What a run records of a series' group (metadata.service_group), as the next run reads it back. */
export interface StoredShare {
  level: number
  item_level: number
  expected: number
  size: number
  lambda: number
}

export interface GroupShare {
  /** The group's target (what the policy's target says), its expected service and size. */
  level: number
  expected: number
  size: number
  /** λ: the service the group's last unit of stock buys. */
  lambda: number
  /** "allocated" in this batch, or "stored": the series' own level from the last run. */
  lambdaSource: "allocated" | "stored"
  /** The cycle service this series is planned at on its own. */
  itemLevel: number
}

export type GroupPolicy = Policy & { group?: GroupShare }

export interface GroupOptions {
  /** Least cycle service of any one series in a group (default ITEM_SERVICE_FLOOR, capped at the target). */
  floor?: number
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)))
/** Target levels come from float columns: group on six decimals. */
const levelKey = (level: number) => level.toFixed(6)

/** A usable curve: finite, non-decreasing, ending at full service. */
function usable(F: Float64Array): boolean {
  if (F.length === 0 || F[F.length - 1] !== 1) return false
  for (let S = 0; S < F.length; S++) if (!(F[S] >= 0 && F[S] <= 1) || (S > 0 && F[S] < F[S - 1])) return false
  return true
}

export function planGroupPolicies(inputs: readonly GroupInput[], opts: GroupOptions = {}): Array<GroupPolicy | Error> {
  const floor = opts.floor ?? ITEM_SERVICE_FLOOR
  const out = new Array<GroupPolicy | Error>(inputs.length)
  const groups = new Map<string, Array<{ i: number; curves: ServiceCurves }>>()
  const alone = (i: number) => {
    try {
      out[i] = planPolicy(inputs[i])
    } catch (e) {
      out[i] = asError(e)
    }
  }
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]
    if (input.groupKey == null || input.group === false || input.override) {
      alone(i)
      continue
    }
    let curves: ServiceCurves | null
    try {
      curves = serviceCurve(input)
    } catch (e) {
      out[i] = asError(e)
      continue
    }
    // a series whose model gives no usable curve is planned (and fails, if it must) on its own
    if (!curves || !usable(curves.orderUpTo)) {
      alone(i)
      continue
    }
    const key = `${input.groupKey}\u0000${levelKey(resolveTarget(input).level)}`
    let members = groups.get(key)
    if (!members) groups.set(key, (members = []))
    members.push({ i, curves })
  }
  for (const members of groups.values()) {
    const level = resolveTarget(inputs[members[0].i]).level
    /** Plans a member at its allocated level S; returns its own service at the level planned. */
    const plan = (m: { i: number; curves: ServiceCurves }, S: number): number | null => {
      const F = m.curves.orderUpTo
      try {
        const policy = planPolicy({ ...inputs[m.i], target: { kind: "cycle", level: curveLevel(F, S) }, curves: m.curves })
        // the policy states the target it serves (the group's), not the level it was planned at
        out[m.i] = { ...policy, target: resolveTarget(inputs[m.i]) }
        // the level planned can sit above S (raised to the reorder point): report what it gives
        return F[Math.min(F.length - 1, policy.orderUpTo)]
      } catch (e) {
        out[m.i] = asError(e)
        return null
      }
    }
    const share = (i: number, s: Omit<GroupShare, "itemLevel">, itemLevel: number | null) => {
      const p = out[i]
      if (itemLevel !== null && !(p instanceof Error)) out[i] = { ...p, group: { ...s, itemLevel } }
    }
    if (members.length >= MIN_GROUP_SIZE) {
      let g: ReturnType<typeof allocateGroupService>
      try {
        g = allocateGroupService(
          members.map((m) => m.curves.orderUpTo),
          level,
          floor
        )
      } catch {
        members.forEach((m) => alone(m.i))
        continue
      }
      const own = members.map((m, k) => plan(m, g.levels[k]))
      const planned = own.filter((v): v is number => v !== null)
      const expected = planned.length ? planned.reduce((a, v) => a + v, 0) / planned.length : g.expected
      members.forEach((m, k) => share(m.i, { level, expected, size: members.length, lambda: g.lambda, lambdaSource: "allocated" }, own[k]))
      continue
    }
    for (const m of members) {
      const stored = inputs[m.i].stored
      // the last run's own level for this series, if it was planned in a group with this target
      if (stored && levelKey(stored.level) === levelKey(level) && stored.item_level > 0 && stored.item_level <= 1) {
        const S = curveQuantile(m.curves.orderUpTo, stored.item_level - 1e-12)
        share(m.i, { level, expected: stored.expected, size: stored.size, lambda: stored.lambda, lambdaSource: "stored" }, plan(m, S))
      } else alone(m.i)
    }
  }
  return out
}
