package io.hfthot.engine.redis;

import io.hfthot.engine.hti.profile.HtiProfile;
import io.hfthot.engine.hti.profile.IdeaFilters;
import io.hfthot.engine.hti.profile.ProfileStore;
import io.hfthot.engine.hti.profile.ValidityType;
import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * HTI profiles (keyed by the fingerprint of their {@code X-API-Code}) shared by every replica: one hash per
 * profile and a set of all fingerprints. Nothing is cached, so a code created or changed on one replica is
 * seen by every replica at once. Never sees a code in clear.
 */
public final class RedisProfileStore implements ProfileStore {
    /** Separates the values of a filter set inside one field; a control character no filter value contains. */
    private static final String SEP = "\u001f";
    private static final Comparator<HtiProfile> CREATION_ORDER = Comparator.comparing(HtiProfile::createdAt)
            .thenComparing(p -> p.fingerprint().toHex());

    private final RedisSession redis;
    private final HashRows rows;

    RedisProfileStore(RedisSession redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.rows = new HashRows(redis, "HTI profile");
    }

    @Override
    public void insert(HtiProfile profile) {
        Objects.requireNonNull(profile, "profile");
        String fp = profile.fingerprint().toHex();
        if (!rows.insert(rowKey(fp), fp, List.of(allKey()), fields(profile))) {
            throw new IllegalStateException("an HTI profile with fingerprint " + profile.fingerprint() + " exists");
        }
    }

    @Override
    public Optional<HtiProfile> find(Fingerprint fingerprint) {
        return read(fingerprint.toHex());
    }

    @Override
    public boolean replace(HtiProfile profile) {
        Objects.requireNonNull(profile, "profile");
        return rows.replace(rowKey(profile.fingerprint().toHex()), fields(profile));
    }

    @Override
    public List<HtiProfile> all() {
        List<HtiProfile> out = new ArrayList<>();
        for (String fp : rows.ids(allKey())) {
            read(fp).ifPresent(out::add);
        }
        out.sort(CREATION_ORDER);
        return out;
    }

    private static HashRows.Fields fields(HtiProfile p) {
        IdeaFilters f = p.filters();
        return new HashRows.Fields().put("account", p.accountName()).put("validity", p.validityType().wireName())
                .put("valid_until", p.validUntil()).put("limit", p.requestLimitPerMinute())
                .put("created", p.createdAt()).put("f_asset_classes", join(f.assetClasses()))
                .put("f_timeframes", join(f.timeframes())).put("f_instruments", join(f.instruments()))
                .put("f_prefixes", join(f.prefixes())).put("f_sides", join(f.sides()));
    }

    private Optional<HtiProfile> read(String fpHex) {
        Map<String, String> f = rows.get(rowKey(fpHex));
        if (f.isEmpty()) {
            return Optional.empty();
        }
        IdeaFilters filters = new IdeaFilters(split(f.get("f_asset_classes")), split(f.get("f_timeframes")),
                split(f.get("f_instruments")), split(f.get("f_prefixes")), split(f.get("f_sides")));
        return Optional.of(new HtiProfile(Fingerprint.fromHex(fpHex), f.get("account"),
                ValidityType.parse(f.get("validity")), HashRows.instant(f.get("valid_until")),
                Integer.parseInt(f.get("limit")), filters, Instant.parse(f.get("created"))));
    }

    private static String join(Set<String> values) {
        return String.join(SEP, values);
    }

    private static Set<String> split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(joined.split(SEP, -1)));
    }

    private String rowKey(String fpHex) {
        return redis.key("hti", fpHex);
    }

    private String allKey() {
        return redis.key("hti-all", "profiles");
    }
}
