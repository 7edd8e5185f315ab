package io.rapport.warehouse;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Properties;

/**
 * One run at a time per warehouse: runs of the same night would overwrite each other's staging, and runs of
 * different nights restate the same earlier resolution partitions. The lock is a file created exclusively
 * ({@code O_EXCL} on a local disk, {@code create(overwrite=false)} on HDFS) holding who took it. A lock left by a
 * run that was killed on this host is taken over once its process is gone; anything else is reported with the
 * holder's details and how to clear it.
 */
public final class WarehouseLock implements AutoCloseable {

    public static final String FILE = "_lock";
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseLock.class);

    private final FileSystem fs;
    private final Path path;

    private WarehouseLock(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    /** @throws LockedException when another live run holds the warehouse */
    public static WarehouseLock acquire(Configuration conf, String warehouseUri, LocalDate night, String runId) {
        Path warehouse = new Path(warehouseUri);
        try {
            FileSystem fs = warehouse.getFileSystem(conf);
            fs.mkdirs(warehouse);
            Path path = new Path(warehouse, FILE);
            Properties holder = new Properties();
            holder.setProperty("run", runId);
            holder.setProperty("night", night.toString());
            holder.setProperty("host", host());
            holder.setProperty("pid", Long.toString(ProcessHandle.current().pid()));
            holder.setProperty("since", Instant.now().toString());
            for (int attempt = 0; attempt < 2; attempt++) {
                if (create(fs, path, holder)) {
                    return new WarehouseLock(fs, path);
                }
                Properties other = read(fs, path);
                if (other != null && isDeadOnThisHost(other)) {
                    LOG.warn("taking over the warehouse lock of run {} (pid {} on this host is gone)",
                            other.getProperty("run"), other.getProperty("pid"));
                    fs.delete(path, false);
                    continue;
                }
                throw new LockedException("warehouse " + warehouseUri + " is locked by run "
                        + (other == null ? "?" : other.getProperty("run") + " (night " + other.getProperty("night")
                        + ", host " + other.getProperty("host") + ", pid " + other.getProperty("pid") + ", since "
                        + other.getProperty("since") + ")") + "; wait for it to finish, or if it is dead on"
                        + " another machine, delete " + path);
            }
            throw new LockedException("warehouse " + warehouseUri + " lock " + path + " keeps reappearing");
        } catch (IOException e) {
            throw new NightPublisher.WarehouseException("cannot lock warehouse " + warehouseUri + ": " + e.getMessage(), e);
        }
    }

    private static boolean create(FileSystem fs, Path path, Properties holder) throws IOException {
        byte[] content = serialise(holder);
        FileSystem raw = fs instanceof LocalFileSystem local ? local.getRaw() : fs;
        if (raw instanceof RawLocalFileSystem localFs) {
            // Hadoop's local create(overwrite=false) checks, then creates; O_EXCL makes it one step.
            try {
                Files.write(localFs.pathToFile(path).toPath(), content, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
        try (FSDataOutputStream out = fs.create(path, false)) {
            out.write(content);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
    }

    private static byte[] serialise(Properties p) throws IOException {
        var out = new java.io.StringWriter();
        p.store(out, "Rapport warehouse lock");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Properties read(FileSystem fs, Path path) {
        try (var in = fs.open(path)) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            return null; // released meanwhile
        }
    }

    private static boolean isDeadOnThisHost(Properties holder) {
        if (!host().equals(holder.getProperty("host"))) {
            return false;
        }
        try {
            long pid = Long.parseLong(holder.getProperty("pid", ""));
            return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public void close() {
        try {
            fs.delete(path, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the warehouse lock " + path, e);
        }
    }

    /** Another run holds the warehouse. */
    public static final class LockedException extends RuntimeException {
        public LockedException(String message) {
            super(message);
        }
    }
}
