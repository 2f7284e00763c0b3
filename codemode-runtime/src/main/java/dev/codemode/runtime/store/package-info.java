/**
 * Where durable runs are kept: the {@link dev.codemode.runtime.store.ExecutionStore} SPI
 * (compare-and-set {@link dev.codemode.runtime.store.StoreChange changes} applied all or none, and
 * queries) with its records, and {@link dev.codemode.runtime.store.JdbcExecutionStore}, the store on
 * a SQLite file (the embedded default) or a PostgreSQL database (when the application adds the
 * {@code org.postgresql:postgresql} driver).
 *
 * <p>To keep runs in another database, implement {@code ExecutionStore} and extend {@code
 * ExecutionStoreContract} from this module's test jar ({@code
 * dev.codemode:codemode-runtime:<version>:test-jar}) in a test of your own: it checks every rule the
 * runtime relies on, races between two stores on one database included.
 */
@NullMarked
package dev.codemode.runtime.store;

import org.jspecify.annotations.NullMarked;
