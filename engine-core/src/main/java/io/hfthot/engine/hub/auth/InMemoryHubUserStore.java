package io.hfthot.engine.hub.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link HubUserStore} in two maps under one monitor (registration is rare); lost on restart. */
public final class InMemoryHubUserStore implements HubUserStore {
    private final Map<String, HubUser> byId = new HashMap<>();
    private final Map<String, HubUser> byEmail = new HashMap<>();

    /** Creates an empty store. */
    public InMemoryHubUserStore() {
    }

    @Override
    public synchronized void insert(HubUser user) {
        if (byId.containsKey(user.userId())) {
            throw new IllegalStateException("user id " + user.userId() + " is taken");
        }
        if (byEmail.containsKey(user.email())) {
            throw new IllegalStateException("email " + user.email() + " is already registered");
        }
        byId.put(user.userId(), user);
        byEmail.put(user.email(), user);
    }

    @Override
    public synchronized Optional<HubUser> findByEmail(String normalisedEmail) {
        return Optional.ofNullable(byEmail.get(normalisedEmail));
    }

    @Override
    public synchronized Optional<HubUser> findById(String userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    /**
     * Returns every user held, for copying them to another store (e.g. when switching to a shared one).
     *
     * @return the rows, in no particular order
     */
    public synchronized List<HubUser> all() {
        return List.copyOf(byId.values());
    }
}
