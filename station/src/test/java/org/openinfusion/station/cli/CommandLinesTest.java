package org.openinfusion.station.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class CommandLinesTest {
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @Test
    void everyEntryPointAnswersHelpWithZeroAndAnUnknownOptionWithTwo() {
        // given the five command lines of the station
        Map<String, ToIntFunction<String[]>> commands = Map.of(
                "station", args -> Commands.execute(new Main(), args, out, out),
                "export", args -> Commands.execute(new ExportMain(), args, out, out),
                "audit-verify", args -> AuditVerifyMain.run(args, out, out),
                "add-user", args -> AddUserMain.run(args, () -> new char[0], out, out),
                "mqtt-accounts", args -> MqttAccountsMain.run(args, () -> new char[0], out, out));
        commands.forEach((name, command) -> {
            // when each is asked for help, then given an option it does not have
            int help = command.applyAsInt(new String[] {"--help"});
            int unknown = command.applyAsInt(new String[] {"--no-such-option"});
            // then help exits 0 and the unknown option 2
            assertEquals(0, help, name);
            assertEquals(2, unknown, name);
        });
    }
}
