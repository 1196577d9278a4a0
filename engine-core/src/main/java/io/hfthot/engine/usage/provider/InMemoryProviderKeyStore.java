package io.hfthot.engine.usage.provider;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** {@link ProviderKeyStore} in a concurrent map keyed by owner and provider; lost on restart. */
public final class InMemoryProviderKeyStore implements ProviderKeyStore {
    private final ConcurrentHashMap<Map.Entry<String, String>, ProviderKeyRecord> rows = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryProviderKeyStore() {
    }

    @Override
    public void put(ProviderKeyRecord row) {
        rows.put(Map.entry(row.ownerId(), row.provider()), row);
    }

    @Override
    public Optional<ProviderKeyRecord> find(String ownerId, String provider) {
        return Optional.ofNullable(rows.get(Map.entry(ownerId, provider)));
    }

    @Override
    public List<ProviderKeyRecord> byOwner(String ownerId) {
        return rows.values().stream().filter(r -> r.ownerId().equals(ownerId))
                .sorted(Comparator.comparing(ProviderKeyRecord::provider))
                .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public boolean delete(String ownerId, String provider) {
        return rows.remove(Map.entry(ownerId, provider)) != null;
    }
}
