// Normalised scenarios for the workload tests, written out by hand so these tests do not
// depend on the scenario loader.
export function keySpace(count, distribution) {
    return { count, distribution, theta: 0.99, hotFraction: 0.2, hotOpFraction: 0.8 };
}
/** The gaming example of issue 2, as the validator would normalise it. */
export function gamingScenario() {
    return {
        name: 'gaming',
        description: 'Player profiles, score submissions and top-10 leaderboard queries',
        table: {
            name: 'ddbench-gaming',
            partitionKey: { name: 'pk', type: 'S' },
            sortKey: { name: 'sk', type: 'S' },
            indexes: [
                {
                    name: 'leaderboard',
                    partitionKey: { name: 'game', type: 'S' },
                    sortKey: { name: 'score', type: 'N' },
                    projection: 'ALL',
                },
            ],
            billingMode: 'PAY_PER_REQUEST',
        },
        keys: { player: keySpace(100000, 'zipfian'), game: keySpace(20, 'uniform') },
        seed: {
            items: 20000,
            item: { pk: 'player#{player.seq}', sk: 'profile', game: 'game#{game}', score: '{int(0,1000000)}', bio: '{text(200)}' },
        },
        operations: [
            { name: 'get-profile', weight: 60, type: 'GetItem', key: { pk: 'player#{player}', sk: 'profile' } },
            {
                name: 'submit-score',
                weight: 30,
                type: 'UpdateItem',
                key: { pk: 'player#{player}', sk: 'profile' },
                update: 'SET score = :s',
                values: { ':s': '{int(0,1000000)}' },
            },
            {
                name: 'top-10',
                weight: 10,
                type: 'Query',
                index: 'leaderboard',
                keyCondition: 'game = :g',
                values: { ':g': 'game#{game}' },
                limit: 10,
                scanForward: false,
            },
        ],
        phases: [
            { name: 'warmup', durationMs: 5000, rateOpsPerSec: 100, warmup: true },
            { name: 'steady', durationMs: 20000, rateOpsPerSec: 300, warmup: false },
        ],
        mode: 'open',
        concurrency: 64,
        gates: ['p99 < 10ms', 'get-profile.p50 < 5ms', 'errors < 0.1%'],
        retries: { maxAttempts: 3, mode: 'standard' },
        randomSeed: 42,
        requestTimeoutMs: 5000,
    };
}
/** The gaming table and key spaces with other operations (and no seed unless given). */
export function scenarioWith(operations, extra = {}) {
    const base = gamingScenario();
    delete base.seed;
    return { ...base, operations, ...extra };
}
/** A fixed clock: 2024-01-02T03:04:05.678Z */
export const FIXED_NOW_MS = Date.UTC(2024, 0, 2, 3, 4, 5, 678);
export const fixedNow = () => FIXED_NOW_MS;
//# sourceMappingURL=workload-fixture.js.map