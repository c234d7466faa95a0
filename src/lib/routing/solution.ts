import { routeDuration, type Instance } from "./instance"

const EPS = 1e-9

/**
 * A set of runs over an Instance, with the per-node bookkeeping the moves read in O(1): which
 * run a node is on, where, and the load and distance from the depot up to it.
 */
export class Solution {
  readonly inst: Instance
  /** Runs as node sequences (the depot implied at both ends); a run may be empty. */
  routes: number[][] = []
  /** Run of each node, -1 when the node is not on any run. */
  readonly rt: Int32Array
  readonly ps: Int32Array
  load: number[] = []
  vol: number[] = []
  len: number[] = []
  /** Value of `clock` when each run last changed (lets the local search skip unchanged pairs). */
  stamp: number[] = []
  clock = 0
  /** Units, volume and distance from the depot along the run, up to and including the node. */
  readonly prefLoad: Float64Array
  readonly prefVol: Float64Array
  readonly prefLen: Float64Array
  /**
   * Timed problems only: earliest departure from each node (service done) when the run leaves
   * the depot at `from`, and the latest service start at each node that still lets the rest
   * of the run meet its windows and `until`. Waiting makes every schedule FIFO, so inserting a
   * visit before b is feasible (windows and hours) exactly when the new arrival at b is no
   * later than late[b].
   */
  readonly early: Float64Array
  readonly late: Float64Array
  /** Visits feasible alone but left without a run (the fleet is used up). */
  unassigned: number[] = []
  /** Cost of one unassigned visit: larger than any visit's share of distance. */
  readonly penalty: number
  private buf: Int32Array

  constructor(inst: Instance) {
    this.inst = inst
    const n = inst.size
    this.rt = new Int32Array(n).fill(-1)
    this.ps = new Int32Array(n).fill(-1)
    this.prefLoad = new Float64Array(n)
    this.prefVol = new Float64Array(n)
    this.prefLen = new Float64Array(n)
    this.early = new Float64Array(n)
    this.late = new Float64Array(n)
    this.buf = new Int32Array(n)
    let far = 0
    for (let i = 1; i < n; i++) far = Math.max(far, inst.dist[i] + inst.dist[i * n])
    this.penalty = 10 * far + 1
  }

  d(a: number, b: number): number {
    return this.inst.dist[a * this.inst.size + b]
  }

  prev(x: number): number {
    const p = this.ps[x]
    return p > 0 ? this.routes[this.rt[x]][p - 1] : 0
  }

  next(x: number): number {
    const r = this.routes[this.rt[x]]
    const p = this.ps[x]
    return p < r.length - 1 ? r[p + 1] : 0
  }

  /** Distance from node x to the end of its run (0 for the depot). */
  suffix(x: number): number {
    return x === 0 ? 0 : this.len[this.rt[x]] - this.prefLen[x]
  }

  prefix(x: number): number {
    return x === 0 ? 0 : this.prefLen[x]
  }

  setRoute(r: number, seq: number[]): void {
    if (r === this.routes.length) {
      this.routes.push(seq)
      this.load.push(0)
      this.vol.push(0)
      this.len.push(0)
      this.stamp.push(0)
    } else {
      this.routes[r] = seq
    }
    this.refresh(r)
  }

  refresh(r: number): void {
    const seq = this.routes[r]
    const { units, volume } = this.inst
    let q = 0
    let v = 0
    let l = 0
    let prev = 0
    for (let k = 0; k < seq.length; k++) {
      const x = seq[k]
      this.rt[x] = r
      this.ps[x] = k
      q += units[x]
      v += volume[x]
      l += this.d(prev, x)
      this.prefLoad[x] = q
      this.prefVol[x] = v
      this.prefLen[x] = l
      prev = x
    }
    if (seq.length) l += this.d(prev, 0)
    this.load[r] = q
    this.vol[r] = v
    this.len[r] = l
    this.stamp[r] = ++this.clock
    if (this.inst.timed) this.schedule(seq)
  }

  private schedule(seq: number[]): void {
    const { dist: D, size: n, minutesPerKm: mpk, service, windows } = this.inst
    let t = this.inst.from
    let prev = 0
    for (let k = 0; k < seq.length; k++) {
      const x = seq[k]
      t = startAt(windows[x], t + D[prev * n + x] * mpk) + service[x]
      this.early[x] = t
      prev = x
    }
    let latest = this.inst.until
    let next = 0
    for (let k = seq.length - 1; k >= 0; k--) {
      const x = seq[k]
      latest = latestStart(windows[x], latest - D[x * n + next] * mpk - service[x])
      this.late[x] = latest
      next = x
    }
  }

  /** Capacity of both kinds for a run carrying these totals. */
  fits(units: number, volume: number): boolean {
    return units <= this.inst.capUnits + EPS && volume <= this.inst.capVolume + EPS
  }

  lengthOk(length: number): boolean {
    return length <= this.inst.maxLen + EPS
  }

  /** Windows, vehicle hours and duration for a candidate sequence (true when untimed). */
  timeOk(seq: ArrayLike<number>, len = seq.length): boolean {
    return !this.inst.timed || routeDuration(this.inst, seq, len) !== Infinity
  }

  /** timeOk for `seq` with `u` inserted before index `pos`, without allocating. */
  timeOkInsert(seq: number[], pos: number, u: number): boolean {
    if (!this.windowsOkInsert(seq, pos, u)) return false
    return this.inst.maxDuration === Infinity || this.durationOkInsert(seq, pos, u)
  }

  /**
   * Windows and vehicle hours for `u` inserted before index `pos`, in O(1) from the run's
   * early/late times (exact; the duration limit is not checked). True when untimed.
   */
  windowsOkInsert(seq: number[], pos: number, u: number): boolean {
    const inst = this.inst
    if (!inst.timed) return true
    const { dist: D, size: n, minutesPerKm: mpk } = inst
    const a = pos > 0 ? seq[pos - 1] : 0
    const c = pos < seq.length ? seq[pos] : 0
    const leave = a ? this.early[a] : inst.from
    const start = startAt(inst.windows[u], leave + D[a * n + u] * mpk)
    if (start === Infinity) return false
    const arrive = start + inst.service[u] + D[u * n + c] * mpk
    return arrive <= (c ? this.late[c] : inst.until) + EPS
  }

  /** The whole schedule of the run with `u` inserted, for the duration limit: O(run length). */
  durationOkInsert(seq: number[], pos: number, u: number): boolean {
    if (!this.inst.timed) return true
    const b = this.buf
    let k = 0
    for (let i = 0; i < pos; i++) b[k++] = seq[i]
    b[k++] = u
    for (let i = pos; i < seq.length; i++) b[k++] = seq[i]
    return routeDuration(this.inst, b, k) !== Infinity
  }

  activeRoutes(): number {
    let c = 0
    for (const r of this.routes) if (r.length) c++
    return c
  }

  distance(): number {
    let s = 0
    for (let r = 0; r < this.routes.length; r++) if (this.routes[r].length) s += this.len[r]
    return s
  }

  cost(): number {
    return this.distance() + this.penalty * this.unassigned.length
  }

  /** Drops empty runs and renumbers. */
  compact(): void {
    const keep = this.routes.filter((r) => r.length)
    this.routes = []
    this.load = []
    this.vol = []
    this.len = []
    this.stamp = []
    keep.forEach((seq, r) => this.setRoute(r, seq))
  }

  snapshot(): { routes: number[][]; unassigned: number[] } {
    return { routes: this.routes.filter((r) => r.length).map((r) => r.slice()), unassigned: this.unassigned.slice() }
  }

  restore(snap: { routes: number[][]; unassigned: number[] }): void {
    this.rt.fill(-1)
    this.ps.fill(-1)
    this.routes = []
    this.load = []
    this.vol = []
    this.len = []
    this.stamp = []
    snap.routes.forEach((seq, r) => this.setRoute(r, seq.slice()))
    this.unassigned = snap.unassigned.slice()
  }
}

/** Service start when arriving at `t`: the first window still open; Infinity when none is. */
export function startAt(w: Float64Array | null, t: number): number {
  if (!w) return t
  for (let j = 0; j < w.length; j += 2) if (w[j + 1] + EPS >= t) return w[j] > t ? w[j] : t
  return Infinity
}

/** Latest service start no later than `t` inside a window; -Infinity when none is. */
export function latestStart(w: Float64Array | null, t: number): number {
  if (!w) return t
  for (let j = w.length - 2; j >= 0; j -= 2) if (w[j] <= t + EPS) return w[j + 1] < t ? w[j + 1] : t
  return -Infinity
}
