package io.hfthot.lakehouse.duckdb;

import io.hfthot.lakehouse.DataFile;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.Snapshot;
import io.hfthot.lakehouse.TableNotFoundException;
import io.hfthot.lakehouse.VersionInfo;
import io.hfthot.lakehouse.duckdb.internal.DeltaTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link TableResolver} over a lakehouse-core {@link Lakehouse}: {@code schema.table} names the Delta table
 * {@code <root>/schema/table}, {@code VERSION AS OF n} reads snapshot {@code n} and {@code TIMESTAMP AS OF t}
 * the latest snapshot committed at or before {@code t}.
 *
 * <p>Visibility: a resolver may be limited to some schemas (the lab exposes {@code market} and keeps
 * {@code auth} internal); a table outside them resolves exactly like a missing one, so a query cannot learn
 * which internal tables exist. Names are matched as written and then in lower case, because SQL identifiers are
 * case-insensitive while table directories are not.
 *
 * <p>Thread-safe and read-only: every call reads one snapshot of the Delta log.
 */
public final class LakehouseTableResolver implements TableResolver {
    private final Lakehouse lakehouse;
    private final Set<String> schemas;

    /**
     * Creates a resolver that sees every table.
     *
     * @param lakehouse the lakehouse
     */
    public LakehouseTableResolver(Lakehouse lakehouse) {
        this(lakehouse, null);
    }

    /**
     * Creates a resolver that sees only the tables of some schemas.
     *
     * @param lakehouse the lakehouse
     * @param schemas   the visible schemas (first name segments, e.g. {@code market}), or null for all
     */
    public LakehouseTableResolver(Lakehouse lakehouse, Set<String> schemas) {
        this.lakehouse = Objects.requireNonNull(lakehouse, "lakehouse");
        this.schemas = schemas == null ? null : Set.copyOf(schemas);
    }

    @Override
    public ResolvedTable resolve(TableRef ref) {
        String name = visibleName(ref);
        Snapshot snapshot = snapshot(name, ref);
        List<ResolvedTable.Column> columns = new ArrayList<>();
        for (Field f : snapshot.schema().fields()) {
            columns.add(new ResolvedTable.Column(f.name(), DeltaTypes.typeString(f)));
        }
        List<ResolvedTable.DataFile> files = new ArrayList<>();
        for (DataFile f : snapshot.dataFiles()) {
            if (f.deletionVector() != null) {
                // DuckDB would read the deleted rows too: refuse rather than answer wrong rows.
                throw new io.hfthot.lakehouse.UnsupportedFeatureException("deletionVectors", "SQL over table '" + name
                        + "' is not available: its file " + f.relativePath() + " has a deletion vector, which the SQL"
                        + " engine does not apply; read the table through the lakehouse API instead");
            }
            files.add(new ResolvedTable.DataFile(f.path().toAbsolutePath().normalize(), f.partitionValues()));
        }
        return new ResolvedTable(snapshot.version(), columns, snapshot.partitionColumns(), files);
    }

    /**
     * Lists the tables this resolver sees.
     *
     * @return {@code schema.table} names, sorted
     */
    public List<String> tables() {
        Set<String> out = new TreeSet<>();
        for (String t : lakehouse.listTables()) {
            String dotted = t.replace('/', '.');
            if (visible(dotted)) {
                out.add(dotted);
            }
        }
        return List.copyOf(out);
    }

    private String visibleName(TableRef ref) {
        String asWritten = ref.qualifiedName();
        String lower = asWritten.toLowerCase(Locale.ROOT);
        for (String candidate : List.of(asWritten, lower)) {
            try {
                if (visible(candidate) && lakehouse.exists(candidate)) {
                    return candidate;
                }
            } catch (IllegalArgumentException invalidName) {
                // A name lakehouse-core refuses (e.g. path characters) cannot be a table: report it as unknown.
                break;
            }
        }
        throw new TableResolutionException("unknown table " + asWritten + "; known tables: " + tables());
    }

    private Snapshot snapshot(String name, TableRef ref) {
        try {
            if (ref.timeTravel() instanceof TimeTravel.AtVersion at) {
                return lakehouse.readVersion(name, at.version());
            }
            if (ref.timeTravel() instanceof TimeTravel.AtTimestamp at) {
                return lakehouse.readAtTimestamp(name, at.instant());
            }
            return lakehouse.read(name);
        } catch (TableNotFoundException e) {
            List<VersionInfo> versions = lakehouse.listVersions(name);
            VersionInfo first = versions.get(0);
            VersionInfo last = versions.get(versions.size() - 1);
            throw new TableResolutionException("table " + name + " has versions " + first.version() + " to "
                    + last.version() + ", committed from " + first.timestamp() + " to " + last.timestamp() + "; "
                    + ref.timeTravel() + " does not resolve", e);
        } catch (LakehouseException e) {
            throw new TableResolutionException("table " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private boolean visible(String dotted) {
        if (schemas == null) {
            return true;
        }
        int dot = dotted.indexOf('.');
        return dot > 0 && schemas.contains(dotted.substring(0, dot));
    }
}
