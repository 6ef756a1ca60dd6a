// Zipfian draws, following YCSB's ZipfianGenerator, which implements the algorithm of
// Gray et al., "Quickly generating billion-record synthetic databases" (SIGMOD 1994):
// one uniform draw per value, after computing zeta(n, theta) = sum_{i=1..n} 1/i^theta once.
//
// zeta for a large n is the expensive part. Up to EXACT_TERMS terms are summed exactly; past
// that the tail is the Euler-Maclaurin expansion (integral + two correction terms), whose error
// once the first term is 1e6 is far below double precision of the total. So a key space of 1e9
// costs the same ~1e6 Math.pow calls (tens of ms, once per process) as one of 1e6.
/** terms summed exactly before switching to the Euler-Maclaurin tail */
export const EXACT_TERMS = 1_000_000;
/** sum_{i=from+1..to} i^-theta, for 0 <= from <= to */
export function zetaRange(from, to, theta) {
    if (to <= from)
        return 0;
    const exactEnd = to - from <= EXACT_TERMS ? to : Math.max(from, EXACT_TERMS);
    let sum = 0;
    for (let i = from + 1; i <= exactEnd; i++)
        sum += Math.pow(i, -theta);
    if (exactEnd < to)
        sum += eulerMaclaurinTail(exactEnd, to, theta);
    return sum;
}
/** sum_{i=a+1..b} i^-theta for a large a: integral + (f(b)-f(a))/2 + (f'(b)-f'(a))/12 */
function eulerMaclaurinTail(a, b, theta) {
    const integral = theta === 1 ? Math.log(b / a) : (Math.pow(b, 1 - theta) - Math.pow(a, 1 - theta)) / (1 - theta);
    const f = (x) => Math.pow(x, -theta);
    const fPrime = (x) => -theta * Math.pow(x, -theta - 1);
    return integral + (f(b) - f(a)) / 2 + (fPrime(b) - fPrime(a)) / 12;
}
// Several key spaces (and the seed pass's own generators) often share one (n, theta).
const zetaCache = new Map();
/** zeta(n, theta), memoised per process: it is a pure function of its arguments */
export function zeta(n, theta) {
    const cacheKey = `${n}/${theta}`;
    let value = zetaCache.get(cacheKey);
    if (value === undefined) {
        value = zetaRange(0, n, theta);
        zetaCache.set(cacheKey, value);
    }
    return value;
}
/**
 * Draws ranks in [0, items) with P(rank r) ~ 1/(r+1)^theta: rank 0 is the most popular.
 * theta must be in (0, 1): the algorithm's alpha = 1/(1-theta) has no value at 1.
 */
export class Zipfian {
    theta;
    rng;
    items;
    zetan;
    eta;
    alpha;
    zeta2;
    half;
    constructor(items, theta, rng) {
        this.theta = theta;
        this.rng = rng;
        if (!(theta > 0 && theta < 1))
            throw new RangeError(`zipfian theta must be in (0, 1), got ${theta}`);
        if (!(items >= 1))
            throw new RangeError(`zipfian needs at least one item, got ${items}`);
        this.items = items;
        this.alpha = 1 / (1 - theta);
        this.zeta2 = zeta(2, theta);
        this.half = 1 + Math.pow(0.5, theta);
        this.zetan = zeta(items, theta);
        this.eta = this.computeEta();
    }
    computeEta() {
        // With one or two items eta's denominator is 0; next() never reaches eta then (uz < 1 + 0.5^theta).
        return (1 - Math.pow(2 / this.items, 1 - this.theta)) / (1 - this.zeta2 / this.zetan);
    }
    get itemCount() {
        return this.items;
    }
    /**
     * Grows (or shrinks) the item count. Growth adds only the new terms to zeta, which is
     * what makes `latest` cheap: one insert costs one Math.pow.
     */
    resize(items) {
        if (items === this.items)
            return;
        this.zetan = items > this.items ? this.zetan + zetaRange(this.items, items, this.theta) : zeta(items, this.theta);
        this.items = items;
        this.eta = this.computeEta();
    }
    next() {
        const u = this.rng.nextFloat();
        const uz = u * this.zetan;
        if (uz < 1)
            return 0;
        if (uz < this.half)
            return this.items > 1 ? 1 : 0;
        const rank = Math.floor(this.items * Math.pow(this.eta * u - this.eta + 1, this.alpha));
        return rank < this.items ? rank : this.items - 1;
    }
}
/** gcd of two non-negative integers */
function gcd(a, b) {
    while (b !== 0)
        [a, b] = [b, a % b];
    return a;
}
/** (a * b) mod m without leaving exact double range: b in 16-bit chunks (m below 2^36) */
function mulMod(a, b, m) {
    let result = 0;
    for (let shift = 32; shift >= 0; shift -= 16) {
        const chunk = Math.floor(b / 2 ** shift) % 65536;
        result = (result * 65536 + a * chunk) % m;
    }
    return result;
}
/**
 * A bijection of [0, count) that scatters consecutive ranks: rank -> (rank * A + B) mod count,
 * with A near count / golden ratio and coprime with count, so ranks 0, 1, 2 land far apart
 * (about 0.618 * count, like a Weyl sequence) and every key keeps exactly one rank.
 */
export function scatter(count) {
    if (count <= 2)
        return (rank) => rank;
    let multiplier = Math.max(1, Math.round(count * 0.6180339887498949));
    while (gcd(multiplier, count) !== 1)
        multiplier++;
    const offset = Math.round(count * 0.4142135623730951) % count;
    return (rank) => (mulMod(rank, multiplier, count) + offset) % count;
}
//# sourceMappingURL=zipfian.js.map