package org.openinfusion.station;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.testing.SourceRules;

/** The two source rules the compiler does not check (docs/architecture.md, "Source rules"), on the station sources. */
class SourceRulesTest {
    @Test
    void noQualifiedNameWhereAnImportServesAndNoTestSleepsWithoutSayingWhy() {
        assertEquals(List.of(), SourceRules.ofModule());
    }
}
