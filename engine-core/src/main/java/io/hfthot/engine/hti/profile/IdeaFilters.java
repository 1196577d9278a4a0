package io.hfthot.engine.hti.profile;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which trade ideas a profile receives. Each dimension is a set of accepted values; an empty set
 * accepts everything ("ALL" in seed 001's client). Values compare case-insensitively (held uppercase) and are
 * 1 to 64 letters, digits or {@code . _ / -}.
 *
 * @param assetClasses accepted {@code ASSET_CLASS} values
 * @param timeframes   accepted {@code TIMEFRAME} values
 * @param instruments  accepted {@code INSTRUMENT} values
 * @param prefixes     accepted {@code PREFIX} values
 * @param sides        accepted {@code SIDE} values
 */
public record IdeaFilters(Set<String> assetClasses, Set<String> timeframes, Set<String> instruments,
                          Set<String> prefixes, Set<String> sides) {
    /** An accepted filter value (after trimming and upper-casing); no commas, so values join safely. */
    private static final java.util.regex.Pattern VALUE = java.util.regex.Pattern.compile("[A-Z0-9._/-]{1,64}");

    /** Normalises each set (trimmed, uppercase, insertion order kept) and makes it unmodifiable. */
    public IdeaFilters {
        assetClasses = normalise(assetClasses, "asset_classes");
        timeframes = normalise(timeframes, "timeframes");
        instruments = normalise(instruments, "instruments");
        prefixes = normalise(prefixes, "prefixes");
        sides = normalise(sides, "sides");
    }

    /**
     * Returns filters that accept every idea.
     *
     * @return empty filters
     */
    public static IdeaFilters all() {
        return new IdeaFilters(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    /**
     * Tells whether an idea with these attributes passes every dimension.
     *
     * @param assetClass the idea's {@code ASSET_CLASS}
     * @param timeframe  its {@code TIMEFRAME}
     * @param instrument its {@code INSTRUMENT}
     * @param prefix     its {@code PREFIX}
     * @param side       its {@code SIDE}
     * @return true when accepted
     */
    public boolean matches(String assetClass, String timeframe, String instrument, String prefix, String side) {
        return accepts(assetClasses, assetClass) && accepts(timeframes, timeframe) && accepts(instruments, instrument)
                && accepts(prefixes, prefix) && accepts(sides, side);
    }

    /**
     * Returns the filters under seed 001's names, each as a list (empty = all).
     *
     * @return an ordered map
     */
    public Map<String, Object> toFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("asset_classes", List.copyOf(assetClasses));
        fields.put("timeframes", List.copyOf(timeframes));
        fields.put("instruments", List.copyOf(instruments));
        fields.put("prefixes", List.copyOf(prefixes));
        fields.put("sides", List.copyOf(sides));
        return fields;
    }

    private static boolean accepts(Set<String> accepted, String value) {
        return accepted.isEmpty() || (value != null && accepted.contains(value.trim().toUpperCase(Locale.ROOT)));
    }

    private static String abbreviate(String value) {
        return value == null || value.length() <= 80 ? String.valueOf(value) : value.substring(0, 80) + "...";
    }

    private static Set<String> normalise(Set<String> values, String field) {
        if (values == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String value : values) {
            String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
            if (!VALUE.matcher(v).matches()) {
                throw new IllegalArgumentException("filters." + field + " values must be 1 to 64 letters, digits or"
                        + " . _ / -, got '" + abbreviate(value) + "'");
            }
            out.add(v);
        }
        return java.util.Collections.unmodifiableSet(out);
    }
}
