import { allocateGroupService, ITEM_SERVICE_FLOOR, levelAtLambda, MIN_GROUP_SIZE } from "./group-service"
import { curveLevel, planPolicy, resolveTarget, serviceCurve, type Policy, type PolicyInput, type ServiceCurves } from "./plan-policy"

/**
 * Policies for a batch of series where cycle-service targets are met per group (group-service.ts):
 * the series sharing a group key (a location) and a cycle-service target level are allocated
 * together; each then gets planPolicy at its own allocated level, so its reorder point, safety
 * stock and overrides follow as for any target. Everything else — fill-rate targets, series with
 * the merchant's levels or own target (`group: false`), no demand — is planned alone.
 *
 * A group of fewer than MIN_GROUP_SIZE series (a run for one variant) cannot be allocated: its
 * members use the λ their group had in the last run (`storedLambda`) when there is one, so a
 * partial run agrees with the nightly one, and their own target otherwise.
 */

export interface GroupInput extends PolicyInput {
  /** The group the series' cycle-service target is met in (its location); absent: planned alone. */
  groupKey?: string | null
  /** Set false to plan the series alone (the merchant set its levels or its own target). */
  group?: boolean
  /** The λ of this series' group in the last run, for groups too small to allocate. */
  storedLambda?: number | null
}

export interface GroupShare {
  /** The group's target (what the policy's target says), its expected service and size. */
  level: number
  expected: number
  size: number
  /** λ: the service the group's last unit of stock buys; "stored" when taken from the last run. */
  lambda: number
  lambdaSource: "allocated" | "stored"
  /** The cycle service this series is planned at on its own. */
  itemLevel: number
}

export type GroupPolicy = Policy & { group?: GroupShare }

export interface GroupOptions {
  /** Least cycle service of any one series in a group (default ITEM_SERVICE_FLOOR, capped at the target). */
  floor?: number
}

export function planGroupPolicies(inputs: readonly GroupInput[], opts: GroupOptions = {}): Array<GroupPolicy | Error> {
  const floor = opts.floor ?? ITEM_SERVICE_FLOOR
  const out = new Array<GroupPolicy | Error>(inputs.length)
  const groups = new Map<string, Array<{ i: number; curves: ServiceCurves }>>()
  const alone = (i: number) => {
    try {
      out[i] = planPolicy(inputs[i])
    } catch (e) {
      out[i] = e instanceof Error ? e : new Error(String(e))
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
      out[i] = e instanceof Error ? e : new Error(String(e))
      continue
    }
    if (!curves) {
      alone(i)
      continue
    }
    const key = `${input.groupKey}\u0000${resolveTarget(input).level}`
    let members = groups.get(key)
    if (!members) groups.set(key, (members = []))
    members.push({ i, curves })
  }
  for (const members of groups.values()) {
    const level = resolveTarget(inputs[members[0].i]).level
    const withLevel = (i: number, curves: ServiceCurves, S: number, share: Omit<GroupShare, "itemLevel">) => {
      const F = curves.orderUpTo
      try {
        const policy = planPolicy({ ...inputs[i], target: { kind: "cycle", level: curveLevel(F, S) }, curves })
        // the policy states the target it serves (the group's), not the level it was planned at
        out[i] = { ...policy, target: resolveTarget(inputs[i]), group: { ...share, itemLevel: F[S] } }
      } catch (e) {
        out[i] = e instanceof Error ? e : new Error(String(e))
      }
    }
    if (members.length >= MIN_GROUP_SIZE) {
      const g = allocateGroupService(
        members.map((m) => m.curves.orderUpTo),
        level,
        floor
      )
      const share = { level, expected: g.expected, size: members.length, lambda: g.lambda, lambdaSource: "allocated" as const }
      members.forEach((m, k) => withLevel(m.i, m.curves, g.levels[k], share))
      continue
    }
    for (const m of members) {
      const stored = inputs[m.i].storedLambda
      if (stored != null && stored >= 0) {
        const S = levelAtLambda(m.curves.orderUpTo, stored, level, floor)
        withLevel(m.i, m.curves, S, { level, expected: m.curves.orderUpTo[S], size: 1, lambda: stored, lambdaSource: "stored" })
      } else alone(m.i)
    }
  }
  return out
}
