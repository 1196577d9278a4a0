package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.InvalidQueryException;
import io.hfthot.lakehouse.duckdb.QueryException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DuckDB's messages reach users without server paths and with advice they can follow. */
class DuckDbErrorsTest {

    @Test
    void theLakehouseRootAndTheSpillDirectoryAreHidden() {
        Path root = Path.of("/srv/data/lakehouse");
        Path spill = Path.of("/srv/data/sql-spill");
        QueryException e = DuckDbErrors.translate(new SQLException("IO Error: Could not write file \"/srv/data/sql-spill/duckdb_temp_1.block\""
                + " while reading /srv/data/lakehouse/market/x.parquet"), root, spill);
        assertFalse(e.getMessage().contains("/srv/data"), e.getMessage());
        assertTrue(e.getMessage().contains("<server directory>/duckdb_temp_1.block") && e.getMessage().contains("<lakehouse>/market"),
                e.getMessage());
    }

    @Test
    void theExpressionDepthLimitIsExplainedWithoutAdvisingSet() {
        QueryException e = DuckDbErrors.translate(new SQLException("Binder Error: Max expression depth limit of 1000 exceeded. "
                + "Use \"SET max_expression_depth TO x\" to increase the maximum expression depth."), Path.of("/r"));
        assertInstanceOf(InvalidQueryException.class, e);
        assertFalse(e.getMessage().contains("SET max_expression_depth"), e.getMessage());
        assertEquals(true, e.getMessage().contains("1000 levels deep"));
    }
}
