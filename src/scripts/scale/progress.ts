const fmt = (n: number) => Math.round(n).toLocaleString("en-US")

const clock = (seconds: number) => {
  if (!Number.isFinite(seconds)) return "--:--"
  const s = Math.max(0, Math.round(seconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const ss = String(s % 60).padStart(2, "0")
  return h ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`
}

type Out = { write: (s: string) => unknown; isTTY?: boolean }

/**
 * A progress line on stderr: done/total, percent, rows/s and ETA. On a terminal it is
 * redrawn in place (at most 5 times a second); otherwise a line is printed every 5 s.
 */
export class Progress {
  private done_ = 0
  private readonly started = Date.now()
  private lastDraw = 0

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly unit = "rows",
    private readonly out: Out = process.stderr
  ) {}

  add(n: number) {
    this.done_ += n
    const now = Date.now()
    if (now - this.lastDraw >= (this.out.isTTY ? 200 : 5000)) this.draw(now)
  }

  get done() {
    return this.done_
  }

  line(now = Date.now()) {
    const seconds = Math.max(0.001, (now - this.started) / 1000)
    const rate = this.done_ / seconds
    const pct = this.total ? (100 * this.done_) / this.total : 100
    const eta = rate > 0 ? (this.total - this.done_) / rate : Infinity
    return (
      `[seed:scale] ${this.label} ${fmt(this.done_)}/${fmt(this.total)} ${pct.toFixed(1)}% ` +
      `${fmt(rate)} ${this.unit}/s ETA ${clock(eta)}`
    )
  }

  private draw(now: number) {
    this.lastDraw = now
    this.out.write(this.out.isTTY ? `\r\x1b[K${this.line(now)}` : `${this.line(now)}\n`)
  }

  /** Final line (kept on screen) with the elapsed time. */
  finish() {
    const seconds = (Date.now() - this.started) / 1000
    const text = `[seed:scale] ${this.label} ${fmt(this.done_)} ${this.unit} in ${seconds.toFixed(1)} s (${fmt(this.done_ / Math.max(seconds, 0.001))} ${this.unit}/s)`
    this.out.write(this.out.isTTY ? `\r\x1b[K${text}\n` : `${text}\n`)
  }
}
