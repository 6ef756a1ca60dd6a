// Seeded pseudo-random numbers for the workload.
//
// Hand-written rather than a dependency because it is tiny (xoshiro128** is a dozen lines of
// 32-bit integer math), it must be bit-for-bit deterministic across Node versions and machines
// (Math.random cannot be seeded), and it runs in the request loop, where an allocation-free
// generator matters more than any feature a package would add.
//
// State is seeded with splitmix32, the seeding procedure the xoshiro authors recommend, so that
// nearby seeds (1, 2, 3...) still give unrelated streams.
const TWO_POW_32 = 4294967296;
/** 2^-53: turns a 53-bit integer into a double in [0, 1) */
const INV_TWO_POW_53 = 1 / 9007199254740992;
/** splitmix32 step: returns [output, next state]. Used for seeding and for deriving fork seeds. */
function splitmix32(state) {
    const next = (state + 0x9e3779b9) | 0;
    let z = next;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    z ^= z >>> 16;
    return [z >>> 0, next];
}
/** FNV-1a, 32-bit, over the UTF-16 code units of a label: only used to name forked streams. */
function fnv1a32(label) {
    let h = 0x811c9dc5;
    for (let i = 0; i < label.length; i++) {
        h ^= label.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}
/** Folds any finite number (negative, fractional, up to 2^53) into a 32-bit seed. */
function seedWord(seed) {
    const whole = Number.isFinite(seed) ? Math.trunc(seed) : 0;
    const lo = whole >>> 0;
    const hi = Math.floor(whole / TWO_POW_32) >>> 0;
    return (lo ^ Math.imul(hi, 0x9e3779b1)) >>> 0;
}
export class Rng {
    /** the 32-bit identity of this stream: forks derive from it, never from the current state */
    streamId;
    s0;
    s1;
    s2;
    s3;
    constructor(seed) {
        this.streamId = seedWord(seed);
        let st = this.streamId;
        let out;
        [out, st] = splitmix32(st);
        this.s0 = out;
        [out, st] = splitmix32(st);
        this.s1 = out;
        [out, st] = splitmix32(st);
        this.s2 = out;
        [out, st] = splitmix32(st);
        this.s3 = out;
        // xoshiro must not start from the all-zero state (it would stay there).
        if ((this.s0 | this.s1 | this.s2 | this.s3) === 0)
            this.s0 = 1;
    }
    /** next 32 random bits, as an unsigned integer */
    nextUint32() {
        const s1 = this.s1;
        const x = Math.imul(s1, 5);
        const result = Math.imul((x << 7) | (x >>> 25), 9);
        const t = s1 << 9;
        this.s2 ^= this.s0;
        this.s3 ^= this.s1;
        this.s1 ^= this.s2;
        this.s0 ^= this.s3;
        this.s2 ^= t;
        this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
        return result >>> 0;
    }
    /**
     * A double in [0, 1) with 53 random bits. Two 32-bit draws, because with only 32 bits
     * `nextInt(1e9)` would give some keys 4 chances in 2^32 and others 5: a 25% bias.
     */
    nextFloat() {
        const hi = this.nextUint32() >>> 5; // 27 bits
        const lo = this.nextUint32() >>> 6; // 26 bits
        return (hi * 67108864 + lo) * INV_TWO_POW_53;
    }
    /** an integer in [0, n); n must be a positive integer up to 2^53 */
    nextInt(n) {
        return Math.floor(this.nextFloat() * n);
    }
    /**
     * An independent stream named `label`. It depends only on this stream's seed and the label,
     * not on how many numbers were drawn so far, so adding a draw in one place never shifts
     * the numbers another part of the workload sees.
     */
    fork(label) {
        const [mixed] = splitmix32((this.streamId ^ Math.imul(fnv1a32(label), 0x85ebca6b)) >>> 0);
        return new Rng(mixed);
    }
}
//# sourceMappingURL=rng.js.map