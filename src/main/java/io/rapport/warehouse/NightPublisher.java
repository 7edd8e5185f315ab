package io.rapport.warehouse;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * Makes a night's tables visible only once they are complete. Each table is written under
 * {@code <warehouse>/_staging/date=D/<run>/<table>}; publishing then renames the finished directory onto
 * {@code <warehouse>/<table>/date=D}, moving the previous partition aside first. A run that dies before
 * publishing leaves the published night untouched, and the next run for that date clears its leftovers.
 * Directory renames are atomic on HDFS and local file systems; see docs/tables.md for object stores.
 */
public final class NightPublisher {

    private final FileSystem fs;
    private final Path warehouse;
    private final LocalDate date;
    private final Path runStaging;

    public NightPublisher(Configuration conf, String warehouseUri, LocalDate date, String runId) {
        try {
            this.warehouse = new Path(warehouseUri);
            this.fs = warehouse.getFileSystem(conf);
        } catch (IOException e) {
            throw new WarehouseException("cannot open warehouse " + warehouseUri + ": " + e.getMessage(), e);
        }
        this.date = date;
        this.runStaging = new Path(nightStaging(), runId);
    }

    private Path nightStaging() {
        return new Path(new Path(warehouse, "_staging"), "date=" + date);
    }

    /** Checks the warehouse is writable and removes what earlier, interrupted runs of this night left behind. */
    public void prepare() {
        try {
            fs.mkdirs(warehouse);
            if (!fs.getFileStatus(warehouse).isDirectory()) {
                throw new WarehouseException("warehouse " + warehouse + " is not a directory", null);
            }
            fs.delete(nightStaging(), true);
            if (!fs.mkdirs(runStaging)) {
                throw new WarehouseException("cannot create " + runStaging, null);
            }
        } catch (IOException e) {
            throw new WarehouseException("warehouse " + warehouse + " is not usable: " + e.getMessage(), e);
        }
    }

    /** A table's partition for one night. */
    public record Partition(String table, LocalDate date) {
    }

    /** Where a table's rows for this night are written before publishing. */
    public String stagingPath(String table) {
        return stagingPath(new Partition(table, date));
    }

    /** Where a partition is staged; a table written with partitionBy("date") into {@link #stagingRoot} lands here. */
    public String stagingPath(Partition p) {
        return new Path(new Path(stagingRoot(p.table())), "date=" + p.date()).toString();
    }

    /** Staging folder of a table whose rows span several nights (written with partitionBy("date")). */
    public String stagingRoot(String table) {
        return new Path(runStaging, table).toString();
    }

    public static String partitionPath(String warehouse, String table, LocalDate date) {
        return new Path(new Path(warehouse, table), "date=" + date).toString();
    }

    /**
     * Swaps each staged partition into place, then removes the staging area. A partition with nothing staged
     * (a night that has no rows any more) is removed rather than left stale.
     */
    public void publish(List<Partition> partitions) {
        try {
            Path replaced = new Path(runStaging, "_replaced");
            for (Partition p : partitions) {
                Path staged = new Path(stagingPath(p));
                Path target = new Path(partitionPath(warehouse.toString(), p.table(), p.date()));
                Path aside = new Path(new Path(replaced, p.table()), "date=" + p.date());
                fs.mkdirs(target.getParent());
                fs.mkdirs(aside.getParent());
                if (fs.exists(target) && !fs.rename(target, aside)) {
                    throw new WarehouseException("cannot move aside " + target, null);
                }
                if (fs.exists(staged) && !fs.rename(staged, target)) {
                    throw new WarehouseException("cannot publish " + staged + " to " + target, null);
                }
            }
            fs.delete(nightStaging(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("publishing night " + date + " failed", e);
        }
    }

    /** The warehouse cannot be used at all: the job stops with a clear message. */
    public static final class WarehouseException extends RuntimeException {
        public WarehouseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
