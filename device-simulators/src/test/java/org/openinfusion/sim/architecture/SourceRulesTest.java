package org.openinfusion.sim.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.testing.SourceRules;

/** The two source rules the compiler does not check (docs/architecture.md, "Source rules"), on the simulators' sources. */
class SourceRulesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TEST = Path.of("src/test/java");

    @Test
    void noInlineFullyQualifiedClassNameWhereAnImportServes() {
        assertEquals(List.of(), SourceRules.inlineQualifiedNames(MAIN, TEST));
    }

    @Test
    void testsSleepOnlyToPaceABenchmarkOrADrillAndSayWhy() {
        assertEquals(List.of(), SourceRules.unexplainedSleeps(TEST));
    }
}
