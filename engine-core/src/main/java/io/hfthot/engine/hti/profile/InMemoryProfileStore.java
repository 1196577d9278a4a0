package io.hfthot.engine.hti.profile;

import io.hfthot.engine.identity.crypto.Fingerprint;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** {@link ProfileStore} in a concurrent hash map; lost on restart. */
public final class InMemoryProfileStore implements ProfileStore {
    private final ConcurrentHashMap<Fingerprint, HtiProfile> profiles = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryProfileStore() {
    }

    @Override
    public void insert(HtiProfile profile) {
        if (profiles.putIfAbsent(profile.fingerprint(), profile) != null) {
            throw new IllegalStateException("an HTI profile with code id " + profile.codeId() + " already exists");
        }
    }

    @Override
    public Optional<HtiProfile> find(Fingerprint fingerprint) {
        return Optional.ofNullable(profiles.get(fingerprint));
    }

    @Override
    public boolean replace(HtiProfile profile) {
        return profiles.replace(profile.fingerprint(), profile) != null;
    }

    @Override
    public List<HtiProfile> all() {
        return profiles.values().stream()
                .sorted(Comparator.comparing(HtiProfile::createdAt).thenComparing(HtiProfile::codeId))
                .collect(Collectors.toUnmodifiableList());
    }
}
