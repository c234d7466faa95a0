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
