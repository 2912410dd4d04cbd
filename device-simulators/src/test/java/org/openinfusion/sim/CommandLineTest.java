package org.openinfusion.sim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private final SimulatorConfig defaults = SimulatorConfig.defaults(SimulatorConfig.DEFAULT_BROKER);

    @Test
    void noArgumentsGiveTheDocumentedDefaults() throws UsageException {
        // when
        SimulatorConfig config = CommandLine.parse(new String[0], defaults).config();
        // then
        assertAll(
                () -> assertEquals("tcp://127.0.0.1:1883", config.mqtt().brokerUri()),
                () -> assertEquals(1, config.beds()),
                () -> assertEquals(42, config.seed()),
                () -> assertEquals("station/v1", config.topicPrefix()),
                () -> assertEquals(List.of("bed-01"), config.bedIds()),
                () -> assertEquals(Optional.empty(), config.duration()),
                () -> assertEquals(Pacing.REAL_TIME, config.pacing()),
                () -> assertEquals(150.0, config.infusion().rateMlPerHour(), 1e-9));
    }

    @Test
    void optionsOverrideTheDefaults() throws UsageException {
        // given
        String[] args = {"--broker", "tcp://broker:1884", "--beds", "4", "--seed=7", "--prefix", "lab/v1",
            "--bed-prefix", "icu", "--duration", "10m", "--infusion-start", "5m", "--volume", "60", "--fast"};
        // when
        SimulatorConfig config = CommandLine.parse(args, defaults).config();
        // then
        assertAll(
                () -> assertEquals("tcp://broker:1884", config.mqtt().brokerUri()),
                () -> assertEquals(List.of("icu-01", "icu-02", "icu-03", "icu-04"), config.bedIds()),
                () -> assertEquals(7, config.seed()),
                () -> assertEquals("lab/v1", config.topicPrefix()),
                () -> assertEquals(Optional.of(Duration.ofMinutes(10)), config.duration()),
                () -> assertEquals(Duration.ofMinutes(5), config.infusion().startOffset()),
                () -> assertEquals(90.0, config.infusion().rateMlPerHour(), 1e-9),
                () -> assertEquals(Pacing.AS_FAST_AS_POSSIBLE, config.pacing()));
    }

    @Test
    void durationsReadAsPeopleTypeThem() throws UsageException {
        assertEquals(Duration.ofSeconds(90), DurationText.parse("90s"));
        assertEquals(Duration.ofHours(2), DurationText.parse("2h"));
        assertEquals(Duration.ofMillis(500), DurationText.parse("500ms"));
        assertEquals(Duration.ofMinutes(10), DurationText.parse("PT10M"));
        assertThrows(UsageException.class, () -> DurationText.parse("ten minutes"));
    }

    @Test
    void badArgumentsAreRefusedWithAClearReason() {
        assertAll(
                () -> assertRefused("beds must be 1 - 999", "--beds", "0"),
                () -> assertRefused("--beds needs an integer", "--beds", "four"),
                () -> assertRefused("unknown option '--bogus'", "--bogus"),
                () -> assertRefused("--broker needs a value", "--broker"),
                () -> assertRefused("broker must look like tcp://host:1883", "--broker", "http://x"),
                () -> assertRefused("needs a duration", "--fast"),
                () -> assertRefused("bed prefix", "--bed-prefix", "bed/1"),
                () -> assertRefused("topic prefix", "--prefix", "station/#"));
    }

    @Test
    void badArgumentsExitWithCodeTwoAndPrintUsage() {
        // given
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        SimulatorMain main = new SimulatorMain(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        // when
        int code = main.run(new String[] {"--beds", "0"});
        // then
        String printed = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code);
        assertTrue(printed.startsWith("error: beds must be 1 - 999: 0"), printed);
        assertTrue(printed.contains("usage: SimulatorMain"), printed);
    }

    @Test
    void helpPrintsUsageAndExitsWithZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SimulatorMain main = new SimulatorMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, main.run(new String[] {"--help"}));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--duration"));
    }

    private void assertRefused(String reason, String... args) {
        UsageException refused = assertThrows(UsageException.class, () -> CommandLine.parse(args, defaults));
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    @Test
    void aScenarioIdlePumpsAndAControlPortAreTakenAndAWrongScenarioIsAUsageError() throws UsageException {
        CommandLine.Parsed parsed = CommandLine.parse(new String[] {"--scenario", "hypertension", "--idle-pumps",
            "--control-port", "0"}, defaults);
        assertEquals(Optional.of("hypertension"), parsed.config().scenario());
        assertTrue(parsed.config().pumpIdle());
        assertEquals(0, parsed.controlPort().getAsInt());
        UsageException wrong = assertThrows(UsageException.class,
                () -> CommandLine.parse(new String[] {"--scenario", "stampede"}, defaults));
        assertTrue(wrong.getMessage().contains("stampede") && wrong.getMessage().contains("hypertension"), wrong.getMessage());
        assertThrows(UsageException.class, () -> CommandLine.parse(new String[] {"--control-port", "70000"}, defaults));
    }
}
