package org.openinfusion.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every command in bin/ says in its header comment what it does and its exit codes, and answers --help with 0: the shell
 * commands themselves (run here, nothing built, installed or started), the ones that start a Java command line through
 * that command's own --help ({@link CommandLinesTest} runs those with --help and with an unknown option).
 */
class BinCommandsTest {
    private static final Path BIN = Path.of("../bin");
    /** The commands that run a station command line, and that command line. */
    private static final Map<String, String> JAVA = Map.of("add-user", "AddUserMain", "audit-verify", "AuditVerifyMain",
            "export", "ExportMain", "mqtt-accounts", "MqttAccountsMain");
    /** The commands that answer --help in the shell, before building anything. */
    private static final Set<String> SHELL = Set.of("benchmark", "fault-drill", "run-tests", "station-demo");

    private static Set<String> commands() throws IOException {
        try (Stream<Path> files = Files.list(BIN)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    /** The comment lines after the shebang, up to the first line that is not a comment. */
    private static String header(String command) throws IOException {
        StringBuilder h = new StringBuilder();
        for (String line : Files.readAllLines(BIN.resolve(command)).subList(1, Files.readAllLines(BIN.resolve(command)).size())) {
            if (!line.startsWith("#")) {
                break;
            }
            h.append(line).append('\n');
        }
        return h.toString();
    }

    @Test
    void everyCommandIsKnownHereAndItsHeaderSaysItsExitCodes() throws IOException {
        Set<String> known = new TreeSet<>(JAVA.keySet());
        known.addAll(SHELL);
        assertEquals(known, commands(), "a new command in bin/ is added to this test");
        for (String command : commands()) {
            String h = header(command);
            assertTrue(h.contains("Exit 0"), command + " says its exit codes in its header:\n" + h);
            assertTrue(Files.isExecutable(BIN.resolve(command)), command + " is executable");
        }
    }

    @Test
    void theShellCommandsAnswerHelpWithZeroWithoutBuildingOrStartingAnything() throws Exception {
        for (String command : SHELL) {
            Process p = new ProcessBuilder("bash", BIN.resolve(command).toString(), "--help").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), command);
            assertEquals(0, p.exitValue(), command + ": " + out);
            assertTrue(out.contains("bin/" + command), command + " prints its usage: " + out);
            assertTrue(!out.contains("Building") && !out.contains("[INFO]"), command + " builds nothing for --help: " + out);
        }
        Process unknown = new ProcessBuilder("bash", BIN.resolve("benchmark").toString(), "no-such-mode").redirectErrorStream(true).start();
        unknown.getInputStream().readAllBytes();
        assertTrue(unknown.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, unknown.exitValue(), "an unknown benchmark mode");
    }

    @Test
    void theJavaBackedCommandsHandTheirArgumentsToTheCommandLineThatAnswersHelp() throws IOException {
        Pattern exec = Pattern.compile("org\\.openinfusion\\.station\\.cli\\.(\\w+) \"\\$@\"");
        for (Map.Entry<String, String> e : JAVA.entrySet()) {
            Matcher m = exec.matcher(Files.readString(BIN.resolve(e.getKey())));
            assertTrue(m.find(), e.getKey() + " runs a station command line with its arguments");
            assertEquals(e.getValue(), m.group(1), e.getKey());
            assertTrue(List.of(Files.readString(Path.of("src/test/java/org/openinfusion/station/cli/CommandLinesTest.java")).split("\\W+"))
                    .contains(e.getValue()), e.getValue() + " is run with --help and an unknown option by CommandLinesTest");
        }
    }
}
