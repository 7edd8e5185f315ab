package io.rapport.analysis.language;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NlpTimeTest {

    @Test
    void annotationIsCountedOnTheThreadThatDidIt() throws InterruptedException {
        NlpPipeline.sentences("Warm the models up first."); // loading them is start-up, not counted
        long before = NlpTime.nanos();
        long start = System.nanoTime();
        NlpPipeline.sentences("I understand how frustrating this is, and I want to help you sort it out today.");
        long elapsed = System.nanoTime() - start;
        long counted = NlpTime.nanos() - before;
        assertTrue(counted > 0 && counted <= elapsed, counted + " ns counted of " + elapsed);

        long[] other = new long[1];
        Thread t = new Thread(() -> other[0] = NlpTime.nanos());
        t.start();
        t.join();
        assertEquals(0, other[0], "another thread's clock starts at zero");
        long idle = NlpTime.nanos();
        Thread.sleep(5);
        assertEquals(idle, NlpTime.nanos(), "time outside annotation is not counted");
    }
}
