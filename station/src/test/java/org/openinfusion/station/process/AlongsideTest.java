package org.openinfusion.station.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class AlongsideTest {
    @Test
    void theWorkRunsOnAThreadOfItsGivenNameAndJoinGivesItsResult() throws Exception {
        Alongside<String> work = Alongside.start("station-start-test", () -> Thread.currentThread().getName());
        assertEquals("station-start-test", work.join());
    }

    @Test
    void aCheckedExceptionIsThrownByJoinAsItselfNotWrapped() {
        IOException thrown = new IOException("port taken");
        Alongside<Object> work = Alongside.start("station-start-test", () -> {
            throw thrown;
        });
        assertSame(thrown, assertThrows(IOException.class, work::join));
    }

    @Test
    void anUncheckedExceptionAndAnErrorAreThrownByJoinAsThemselves() {
        IllegalStateException unchecked = new IllegalStateException("bad state");
        assertSame(unchecked, assertThrows(IllegalStateException.class, Alongside.start("station-start-test", () -> {
            throw unchecked;
        })::join));
        OutOfMemoryError error = new OutOfMemoryError("test");
        assertSame(error, assertThrows(OutOfMemoryError.class, Alongside.start("station-start-test", () -> {
            throw error;
        })::join));
    }
}
