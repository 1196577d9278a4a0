package io.hfthot.server.client;

import io.hfthot.engine.identity.Tier;
import io.hfthot.server.ReferenceServer;

/** The demo API key the reference server issued for a tier on its first start. */
final class DemoKey {
    private DemoKey() {
    }

    static String of(ReferenceServer server, Tier tier) {
        return server.lab().demoKeys().stream().filter(k -> k.apiKey().startsWith(tier.keyPrefix())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo key for " + tier)).apiKey();
    }
}
