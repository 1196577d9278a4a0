package io.hfthot.engine.hub.secrets;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** {@link SecretStore} in a concurrent map; lost on restart. */
public final class InMemorySecretStore implements SecretStore {
    private final ConcurrentHashMap<Map.Entry<SecretScope, String>, StoredSecret> rows = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemorySecretStore() {
    }

    @Override
    public void put(StoredSecret secret) {
        rows.put(Map.entry(secret.scope(), secret.keyName()), secret);
    }

    @Override
    public Optional<StoredSecret> find(SecretScope scope, String keyName) {
        return Optional.ofNullable(rows.get(Map.entry(scope, keyName)));
    }

    @Override
    public List<StoredSecret> list(SecretScope scope) {
        return rows.values().stream().filter(s -> s.scope().equals(scope))
                .sorted(Comparator.comparing(StoredSecret::keyName))
                .collect(Collectors.toUnmodifiableList());
    }

    @Override
    public boolean delete(SecretScope scope, String keyName) {
        return rows.remove(Map.entry(scope, keyName)) != null;
    }

    /**
     * Returns every sealed row held, for copying them to another store (e.g. when switching to a shared one).
     *
     * @return the rows, in no particular order
     */
    public List<StoredSecret> all() {
        return List.copyOf(rows.values());
    }
}
