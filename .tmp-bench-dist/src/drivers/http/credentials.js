// Credentials for signing, resolved once and kept: fixed ones for local endpoints, otherwise the
// AWS default chain (env, profile, SSO, web identity, container and instance roles), refreshed
// ahead of expiry so no request waits for a credential fetch. The chain is loaded only when
// needed: local runs never import it.
export function fixedCredentials(credentials) {
    return { get: () => credentials };
}
/**
 * Credentials from a provider, fetched once and fetched again when they come within
 * `refreshBeforeMs` of expiring: in the background while they are still valid (requests keep
 * using them), awaited once they have expired. One fetch at a time. A failed background refresh
 * is retried by the next request; a failed awaited fetch fails that request.
 */
export function refreshingCredentials(provider, opts = {}) {
    const refreshBeforeMs = opts.refreshBeforeMs ?? 5 * 60_000;
    const now = opts.nowMs ?? Date.now;
    let current;
    let inflight;
    const fetch = () => {
        inflight ??= provider().then((creds) => {
            current = creds;
            inflight = undefined;
            return creds;
        }, (err) => {
            inflight = undefined;
            throw err;
        });
        return inflight;
    };
    return {
        get() {
            if (current === undefined)
                return fetch();
            const expiresAtMs = current.expiration?.getTime();
            if (expiresAtMs === undefined)
                return current;
            const t = now();
            if (t >= expiresAtMs)
                return fetch();
            if (t >= expiresAtMs - refreshBeforeMs)
                fetch().catch(() => undefined);
            return current;
        },
    };
}
/** The AWS SDK's default credential chain, imported on first use. */
export function defaultChainProvider() {
    let provider;
    return async () => {
        if (provider === undefined) {
            const { defaultProvider } = await import('@aws-sdk/credential-provider-node');
            // The chain memoizes what it found; forceRefresh makes it fetch again when we ask.
            const chain = defaultProvider();
            provider = () => chain({ forceRefresh: true });
        }
        return provider();
    };
}
//# sourceMappingURL=credentials.js.map