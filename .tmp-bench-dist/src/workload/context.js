// What a compiled template evaluates against: the random streams, the clock, and the key draws
// of the current operation instance.
//
// Key draws are memoised per instance: every `{player}` in one request (key, values,
// transaction items) is the same player. `fresh()` starts a new instance by bumping a stamp
// instead of clearing arrays, so starting one costs nothing in the request loop.
export class EvalContext {
    rng;
    now;
    draws;
    seqs;
    stamp = 1;
    drawStamp;
    drawValue;
    seqStamp;
    seqValue;
    constructor(
    /** generator calls (int, text, uuid...) draw from this stream */
    rng, 
    /** epoch milliseconds, injected so tests control time */
    now, 
    /** one draw function per key space, by index */
    draws, 
    /** one `.seq` function per key space, by index */
    seqs) {
        this.rng = rng;
        this.now = now;
        this.draws = draws;
        this.seqs = seqs;
        this.drawStamp = draws.map(() => 0);
        this.drawValue = draws.map(() => 0);
        this.seqStamp = seqs.map(() => 0);
        this.seqValue = seqs.map(() => 0);
    }
    /** start a new operation instance (or batch element): later key reads draw anew */
    fresh() {
        this.stamp++;
    }
    /** `{space}`: this instance's draw from key space `index` */
    key(index) {
        if (this.drawStamp[index] !== this.stamp) {
            this.drawStamp[index] = this.stamp;
            this.drawValue[index] = this.draws[index]();
        }
        return this.drawValue[index];
    }
    /** `{space.seq}`: this instance's next key in order from key space `index` */
    seq(index) {
        if (this.seqStamp[index] !== this.stamp) {
            this.seqStamp[index] = this.stamp;
            this.seqValue[index] = this.seqs[index]();
        }
        return this.seqValue[index];
    }
}
//# sourceMappingURL=context.js.map