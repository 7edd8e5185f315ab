package io.rapport.pipeline;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A night's landing folder, {@code <input>/date=YYYY-MM-DD/}, on any Hadoop filesystem. */
public final class LandingFolder {

    private LandingFolder() {
    }

    public static String nightPath(String inputRoot, LocalDate date) {
        return new Path(inputRoot, "date=" + date).toString();
    }

    /**
     * Every data file under the night's folder, subfolders included, sorted by path. Names starting with '.'
     * or '_' are skipped: by Hadoop convention they are markers (_SUCCESS) or files still being written.
     *
     * @throws InputMissingException when the folder does not exist or cannot be listed
     */
    public static List<String> files(Configuration conf, String inputRoot, LocalDate date) {
        Path night = new Path(nightPath(inputRoot, date));
        try {
            FileSystem fs = night.getFileSystem(conf);
            if (!fs.exists(night) || !fs.getFileStatus(night).isDirectory()) {
                throw new InputMissingException("input folder " + night + " does not exist");
            }
            List<String> files = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(night, true);
            while (it.hasNext()) {
                Path p = it.next().getPath();
                if (!isHidden(night, p)) {
                    files.add(p.toString());
                }
            }
            files.sort(null);
            return files;
        } catch (IOException e) {
            throw new InputMissingException("input folder " + night + " cannot be read: " + e.getMessage());
        }
    }

    private static boolean isHidden(Path root, Path p) {
        for (Path q = p; q != null && !q.equals(root); q = q.getParent()) {
            if (q.getName().startsWith(".") || q.getName().startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    /** The job cannot run: its input is absent. */
    public static final class InputMissingException extends RuntimeException {
        public InputMissingException(String message) {
            super(message);
        }
    }
}
