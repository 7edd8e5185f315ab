package io.rapport.warehouse;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Makes a run's tables visible together or not at all. Each table is written under
 * {@code <warehouse>/_staging/date=D/<run>/<table>}. Publishing then
 * <ol>
 *   <li>writes a journal naming every partition it will swap (the night's tables and the earlier nights whose
 *       resolution it restates),</li>
 *   <li>withdraws those nights' markers {@code <warehouse>/_published/date=N}, so readers that go by the markers
 *       stop seeing them,</li>
 *   <li>renames each staged partition onto {@code <warehouse>/<table>/date=N}, moving the previous one aside,</li>
 *   <li>writes the markers again (each holds the run id), and removes the staging area.</li>
 * </ol>
 * A run killed before step 1 leaves the published nights untouched. A run killed after it leaves a journal, and the
 * next run of any night first rolls that publish forward ({@link #recover}), since everything it names was already
 * complete. Directory renames are atomic on HDFS and local file systems; docs/reliability.md covers object stores.
 */
public final class NightPublisher {

    /** The folder of per-night markers: a night is published when {@code _published/date=D} exists. */
    public static final String PUBLISHED = "_published";
    private static final String JOURNAL = "_PUBLISHING";
    private static final Logger LOG = LoggerFactory.getLogger(NightPublisher.class);

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

    /**
     * Checks the warehouse is writable, finishes any publish an earlier run was killed in, and removes what
     * earlier, interrupted runs of this night left behind. Call with the warehouse lock held.
     */
    public void prepare() {
        try {
            fs.mkdirs(warehouse);
            if (!fs.getFileStatus(warehouse).isDirectory()) {
                throw new WarehouseException("warehouse " + warehouse + " is not a directory", null);
            }
            recover();
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
     * Swaps each staged partition into place and marks the nights published (see the class comment for the
     * order). A partition with nothing staged (a night that has no rows any more) is removed rather than left stale.
     */
    public void publish(List<Partition> partitions) {
        try {
            Path journal = new Path(runStaging, JOURNAL);
            StringBuilder lines = new StringBuilder();
            List<Swap> swaps = new ArrayList<>();
            for (Partition p : partitions) {
                boolean staged = fs.exists(new Path(stagingPath(p)));
                swaps.add(new Swap(p, staged));
                lines.append(p.table()).append('\t').append(p.date()).append('\t').append(staged).append('\n');
            }
            writeAtomically(journal, lines.toString());
            Faults.reached("publish:journal-written");
            complete(runStaging, swaps);
        } catch (IOException e) {
            throw new UncheckedIOException("publishing night " + date + " failed", e);
        }
    }

    /** A partition to publish, and whether the run staged rows for it (else the published one is withdrawn). */
    private record Swap(Partition partition, boolean staged) {
    }

    /** Steps 2 to 4 for one run's staging folder; idempotent, so a killed publish can be run again. */
    private void complete(Path run, List<Swap> swaps) throws IOException {
        Set<LocalDate> nights = new TreeSet<>();
        swaps.forEach(w -> nights.add(w.partition().date()));
        for (LocalDate night : nights) {
            fs.delete(marker(night), false);
        }
        Faults.reached("publish:markers-withdrawn");
        Path replaced = new Path(run, "_replaced");
        int swapped = 0;
        for (Swap w : swaps) {
            Partition p = w.partition();
            Path staged = new Path(new Path(run, p.table()), "date=" + p.date());
            Path target = new Path(partitionPath(warehouse.toString(), p.table(), p.date()));
            Path aside = new Path(new Path(replaced, p.table()), "date=" + p.date());
            if (w.staged() && !fs.exists(staged)) {
                continue; // swapped before the kill
            }
            fs.mkdirs(target.getParent());
            fs.mkdirs(aside.getParent());
            if (fs.exists(target) && !fs.rename(target, aside)) {
                throw new WarehouseException("cannot move aside " + target, null);
            }
            if (fs.exists(staged) && !fs.rename(staged, target)) {
                throw new WarehouseException("cannot publish " + staged + " to " + target, null);
            }
            Faults.reached("publish:swapped-" + ++swapped);
        }
        for (LocalDate night : nights) {
            writeAtomically(marker(night), run.getName() + "\n");
        }
        Faults.reached("publish:markers-written");
        fs.delete(run.getParent(), true);
    }

    /** Rolls forward every publish that a killed run left half done (its journal is still in staging). */
    private void recover() throws IOException {
        Path staging = new Path(warehouse, "_staging");
        if (!fs.exists(staging)) {
            return;
        }
        for (FileStatus night : fs.listStatus(staging)) {
            if (!night.isDirectory()) {
                continue;
            }
            for (FileStatus run : fs.listStatus(night.getPath())) {
                Path journal = new Path(run.getPath(), JOURNAL);
                if (run.isDirectory() && fs.exists(journal)) {
                    List<Swap> swaps = new ArrayList<>();
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(journal),
                            StandardCharsets.UTF_8))) {
                        for (String line = r.readLine(); line != null; line = r.readLine()) {
                            String[] f = line.split("\t");
                            swaps.add(new Swap(new Partition(f[0], LocalDate.parse(f[1])), Boolean.parseBoolean(f[2])));
                        }
                    }
                    LOG.warn("finishing the publish of run {} that was interrupted ({} partitions)",
                            run.getPath().getName(), swaps.size());
                    complete(run.getPath(), swaps);
                }
            }
        }
    }

    private Path marker(LocalDate night) {
        return new Path(new Path(warehouse, PUBLISHED), "date=" + night);
    }

    /** Nights whose tables are complete and visible: what readers should go by. */
    public static SortedSet<LocalDate> publishedNights(Configuration conf, String warehouseUri) {
        return nightsIn(conf, new Path(warehouseUri, PUBLISHED));
    }

    /** The nights named by the {@code date=YYYY-MM-DD} entries of a folder (none when it does not exist). */
    public static SortedSet<LocalDate> nightsIn(Configuration conf, Path dir) {
        SortedSet<LocalDate> nights = new TreeSet<>();
        try {
            FileSystem fs = dir.getFileSystem(conf);
            if (fs.exists(dir)) {
                for (FileStatus s : fs.listStatus(dir)) {
                    String name = s.getPath().getName();
                    if (name.startsWith("date=")) {
                        nights.add(LocalDate.parse(name.substring(5)));
                    }
                }
            }
            return nights;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the nights in " + dir, e);
        }
    }

    /** A small file that appears whole or not at all: written aside, then renamed. */
    private void writeAtomically(Path file, String content) throws IOException {
        Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
        fs.mkdirs(file.getParent());
        try (var out = fs.create(tmp, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        fs.delete(file, false);
        if (!fs.rename(tmp, file)) {
            throw new WarehouseException("cannot write " + file, null);
        }
    }

    /** The warehouse cannot be used at all: the job stops with a clear message. */
    public static final class WarehouseException extends RuntimeException {
        public WarehouseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
