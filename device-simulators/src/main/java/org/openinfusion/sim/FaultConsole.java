package org.openinfusion.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import org.openinfusion.sim.serial.Fault;
import org.openinfusion.sim.serial.FaultSwitches;

/** Reads fault commands, one a line: {@code on FAULT}, {@code off FAULT}, {@code stall 10s}, {@code disconnect}. */
final class FaultConsole {

    private final FaultSwitches faults;
    private final PrintStream err;

    FaultConsole(FaultSwitches faults, PrintStream err) {
        this.faults = faults;
        this.err = err;
    }

    /** Runs until the input ends. */
    void run(BufferedReader input) throws IOException {
        String line;
        while ((line = input.readLine()) != null) {
            apply(line.strip());
        }
    }

    void apply(String line) {
        String[] words = line.split("\\s+");
        try {
            switch (words[0]) {
                case "" -> { }
                case "on" -> faults.enable(Fault.fromCliName(argument(words)));
                case "off" -> faults.disable(Fault.fromCliName(argument(words)));
                case "stall" -> faults.stall(DurationText.parse(argument(words)));
                case "disconnect" -> faults.disconnect();
                default -> err.println("commands: on FAULT | off FAULT | stall DURATION | disconnect");
            }
        } catch (IllegalArgumentException | UsageException e) {
            err.println("error: " + e.getMessage());
        }
    }

    private static String argument(String[] words) {
        if (words.length < 2) {
            throw new IllegalArgumentException(words[0] + " needs an argument");
        }
        return words[1];
    }
}
