package io.rapport.warehouse;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NightPublisherTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 11, 22);

    @TempDir
    Path warehouse;

    NightPublisher publisher(String run) {
        NightPublisher p = new NightPublisher(new Configuration(), warehouse.toString(), NIGHT, run);
        p.prepare();
        return p;
    }

    static void stage(NightPublisher p, String table, String content) throws Exception {
        Path dir = Files.createDirectories(Path.of(p.stagingPath(table)));
        Files.writeString(dir.resolve("part-0.parquet"), content);
    }

    Path published(String table) {
        return warehouse.resolve(table).resolve("date=" + NIGHT).resolve("part-0.parquet");
    }

    @Test
    void stagedTablesAreInvisibleUntilPublishedThenReplaceThePreviousNight() throws Exception {
        NightPublisher first = publisher("run-1");
        stage(first, "conversations", "v1");
        assertFalse(Files.exists(published("conversations")), "staged is not visible");
        first.publish(List.of(new NightPublisher.Partition("conversations", NIGHT)));
        assertEquals("v1", Files.readString(published("conversations")));

        NightPublisher second = publisher("run-2");
        stage(second, "conversations", "v2");
        assertEquals("v1", Files.readString(published("conversations")), "old night stays until the swap");
        second.publish(List.of(new NightPublisher.Partition("conversations", NIGHT)));
        assertEquals("v2", Files.readString(published("conversations")));
        assertFalse(Files.exists(warehouse.resolve("_staging/date=" + NIGHT)), "staging is cleared");
    }

    @Test
    void prepareClearsWhatADeadRunLeftForTheSameNightOnly() throws Exception {
        Path dead = Files.createDirectories(warehouse.resolve("_staging/date=" + NIGHT + "/dead/conversations"));
        Path otherNight = Files.createDirectories(warehouse.resolve("_staging/date=2026-11-21/running/conversations"));
        publisher("run-3");
        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(otherNight));
    }

    @Test
    void aWarehousePathThatIsAFileIsUnusable() throws Exception {
        Path file = Files.writeString(warehouse.resolve("file"), "x");
        NightPublisher p = new NightPublisher(new Configuration(), file.toString(), NIGHT, "r");
        assertThrows(NightPublisher.WarehouseException.class, p::prepare);
    }
}
