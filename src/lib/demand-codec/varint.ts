/** Growable byte buffer with LEB128 varints: small numbers take one byte. */
export class ByteWriter {
  private buf = new Uint8Array(64)
  private len = 0

  private ensure(extra: number) {
    if (this.len + extra <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < this.len + extra) size *= 2
    const next = new Uint8Array(size)
    next.set(this.buf.subarray(0, this.len))
    this.buf = next
  }

  byte(value: number) {
    this.ensure(1)
    this.buf[this.len++] = value & 0xff
  }

  /** Unsigned integer < 2^53. */
  uvarint(value: number) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`uvarint: ${value} is not a non-negative safe integer`)
    this.ensure(8)
    while (value >= 0x80) {
      this.buf[this.len++] = (value % 0x80) | 0x80
      value = Math.floor(value / 0x80)
    }
    this.buf[this.len++] = value
  }

  /** Signed integer, zigzag-mapped so small negatives stay small (−1 → 1, 1 → 2). */
  svarint(value: number) {
    this.uvarint(value < 0 ? -2 * value - 1 : 2 * value)
  }

  bytes(): Uint8Array {
    return this.buf.slice(0, this.len)
  }
}

export class ByteReader {
  private pos = 0
  constructor(private readonly buf: Uint8Array) {}

  get done() {
    return this.pos >= this.buf.length
  }

  byte(): number {
    if (this.pos >= this.buf.length) throw new RangeError("demand codec: truncated input")
    return this.buf[this.pos++]!
  }

  uvarint(): number {
    let result = 0
    let scale = 1
    for (let i = 0; i < 8; i++) {
      const b = this.byte()
      result += (b & 0x7f) * scale
      if (b < 0x80) return result
      scale *= 0x80
    }
    throw new RangeError("demand codec: varint too long")
  }

  svarint(): number {
    const z = this.uvarint()
    return z % 2 === 1 ? -(z + 1) / 2 : z / 2
  }
}
