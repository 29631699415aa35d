/**
 * The seeded random source (sfc32, 128-bit state): uids, generated name suffixes, scheduler tie
 * breaks, `$RANDOM`. Its state is part of a snapshot, so a restored cluster draws the same numbers.
 */
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** The characters of the uid being built (36 of them), reused. */
const UID_CHARS: number[] = new Array(36).fill(0);
const CONTAINERD = Array.from('containerd://', (c) => c.charCodeAt(0));
/** The characters of the container ID being built, after the fixed prefix; reused. */
const CONTAINER_ID_CHARS: number[] = [...CONTAINERD, ...new Array(32).fill(0)];

export class Rng {
  // The state as four int32 fields (not an array), for the hot path.
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9 | 0;
    this.b = 0x243f6a88 | 0;
    this.c = 0xb7e15162 | 0;
    this.d = seed | 0;
    for (let i = 0; i < 15; i++) this.next();
  }

  /** A float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /**
   * The next 32 random bits (what next() scales to [0, 1)): `int(2 ** k)` is exactly its top k
   * bits, since the scaling divides by a power of two.
   */
  private u32(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = (this.d + 1) | 0;
    const t = (((a + b) | 0) + d) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    this.d = d;
    return t >>> 0;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** apimachinery's rand.String alphabet (no vowels, no confusable characters). */
  string(n: number): string {
    const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[this.int(alphabet.length)];
    return out;
  }

  /** A version-4-shaped uid. */
  uid(): string {
    const out = UID_CHARS;
    let j = 0;
    for (let i = 0; i < 32; i++) {
      if (i === 8 || i === 12 || i === 16 || i === 20) out[j++] = 45; // '-'
      if (i === 12)
        out[j++] = 52; // '4'
      else if (i === 16) out[j++] = HEX_CODES[8 + (this.u32() >>> 30)];
      else out[j++] = HEX_CODES[this.u32() >>> 28];
    }
    return String.fromCharCode.apply(null, out);
  }

  /** `containerd://` and a uid without its dashes (the same draws), as one flat string. */
  containerID(): string {
    const out = CONTAINER_ID_CHARS;
    let j = CONTAINERD.length;
    for (let i = 0; i < 32; i++) {
      if (i === 12)
        out[j++] = 52; // '4'
      else if (i === 16) out[j++] = HEX_CODES[8 + (this.u32() >>> 30)];
      else out[j++] = HEX_CODES[this.u32() >>> 28];
    }
    return String.fromCharCode.apply(null, out);
  }

  save(): [number, number, number, number] {
    return [this.a, this.b, this.c, this.d];
  }

  load(s: [number, number, number, number]): void {
    this.a = s[0] | 0;
    this.b = s[1] | 0;
    this.c = s[2] | 0;
    this.d = s[3] | 0;
  }
}
