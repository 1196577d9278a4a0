package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the Spark-written Delta conformance tables are: {@code ../shared/conformance/delta-golden} relative to the
 * repository root (they are never copied into the project). Outside CI a missing table skips the test; with the
 * environment variable {@code CI} set it fails, so a CI run cannot pass without having read them.
 */
final class GoldenTables {
    private GoldenTables() {
    }

    /**
     * Returns a golden table's directory, skipping (or, under CI, failing) the calling test when it is missing.
     *
     * @param name the table's directory name
     * @return the directory
     */
    static Path table(String name) {
        Path p = root().resolve(name);
        if (!Files.isDirectory(p)) {
            String why = "golden table " + p + " not present (expected ../shared/conformance/delta-golden relative to"
                    + " the repository root)";
            if (System.getenv("CI") != null) {
                fail(why + "; CI is set, so this is a failure rather than a skip");
            }
            assumeTrue(false, why);
        }
        return p;
    }

    /** The repository root is the nearest ancestor of the working directory holding {@code .git} (dir or file). */
    private static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir.resolveSibling("shared").resolve("conformance").resolve("delta-golden").normalize();
            }
        }
        // Not in a git checkout (a source tarball): surefire runs in the module directory, one below the root.
        return start.getParent().resolveSibling("shared").resolve("conformance").resolve("delta-golden").normalize();
    }
}
