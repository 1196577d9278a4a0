/** Wiring of optional engines into the lab: DuckDB SQL behind the engine's {@code LabSql} seam. */
package io.hfthot.server.wiring;
