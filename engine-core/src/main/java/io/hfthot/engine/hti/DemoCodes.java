package io.hfthot.engine.hti;

import io.hfthot.engine.hti.ideas.AssetClasses;
import io.hfthot.engine.hti.profile.HtiAccess;
import io.hfthot.engine.hti.profile.IdeaFilters;
import io.hfthot.engine.hti.profile.IssuedApiCode;
import io.hfthot.engine.hti.profile.ProfileStore;
import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.keys.DemoKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The three HTI demo codes of a fresh installation, each with other filters, so that the filters can be tried at
 * once: {@code demo-hti-all} (every idea, unlimited), {@code demo-hti-crypto-fast} (crypto on M1 and M5,
 * unlimited) and {@code demo-hti-macro-buy} (forex, index and commodity buy ideas, fixed term of one year).
 *
 * <p>Profiles store only hashes, so the raw codes are also written to {@value #FILE_NAME} in the data directory
 * (owner-only permissions, as {@link DemoKeys} does for the demo API keys) for later starts to print them again.
 * A saved code that no longer authenticates is dropped from what later starts report.
 * File format: comment lines start with {@code #}; each other line is {@code <account> <code>}.
 */
public final class DemoCodes {
    /** The file name under the data directory. */
    public static final String FILE_NAME = "hti-demo-codes.txt";

    private DemoCodes() {
    }

    /**
     * A demo code and its account.
     *
     * @param account the account name
     * @param code    the raw code
     */
    public record DemoCode(String account, String code) {
        /** Hides the code. */
        @Override
        public String toString() {
            return "DemoCode[" + account + "]";
        }
    }

    /**
     * Returns the saved demo codes that are still stored, or issues and saves three when the file is missing.
     *
     * @param dataDir the data directory
     * @param access  issues codes
     * @param store   where profiles live
     * @param clock   the clock
     * @return the demo codes
     */
    static List<DemoCode> ensure(Path dataDir, HtiAccess access, ProfileStore store, InstantSource clock) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return load(file, store);
            }
            List<IssuedApiCode> issued = List.of(
                    access.issue("demo-hti-all", null, 120, IdeaFilters.all()),
                    access.issue("demo-hti-crypto-fast", null, 60, new IdeaFilters(Set.of(AssetClasses.CRYPTO),
                            Set.of("M1", "M5"), Set.of(), Set.of(), Set.of())),
                    access.issue("demo-hti-macro-buy", clock.instant().plus(Duration.ofDays(365)), 30,
                            new IdeaFilters(Set.of(AssetClasses.FOREX, AssetClasses.INDEX, AssetClasses.COMMODITY),
                                    Set.of(), Set.of(), Set.of(), Set.of("BUY"))));
            StringBuilder text = new StringBuilder()
                    .append("# HTI demo API codes (demo use only: raw credentials).\n")
                    .append("# Profiles store SHA-256 hashes only; delete this file after noting the codes.\n");
            List<DemoCode> out = new ArrayList<>();
            for (IssuedApiCode c : issued) {
                out.add(new DemoCode(c.profile().accountName(), c.code()));
                text.append(c.profile().accountName()).append(' ').append(c.code()).append('\n');
            }
            DemoKeys.writeOwnerOnly(file, text.toString());
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static List<DemoCode> load(Path file, ProfileStore store) throws IOException {
        List<DemoCode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && !parts[0].startsWith("#") && store.find(Fingerprint.of(parts[1])).isPresent()) {
                out.add(new DemoCode(parts[0], parts[1]));
            }
        }
        return List.copyOf(out);
    }
}
