package org.openinfusion.station.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openinfusion.station.Main;
import org.openinfusion.station.config.ConfigException;
import org.openinfusion.station.config.StationConfig;

/**
 * Adds (or replaces) a station account, e.g. the first administrator at install ({@code bin/add-user}):
 * {@code AddUserMain --user nurse1 --role nurse [--name "Printed Name"] [--data-dir DIR | --file FILE | --config STATION_CONFIG]}.
 * The password is read from the console without echo, or as the first line of standard input. Without
 * {@code --file}, the users file is {@code {station.dataDir}/users.properties}.
 */
public final class AddUserMain {
    static final int MIN_PASSWORD = 8;

    private AddUserMain() {
    }

    public static void main(String[] args) throws IOException {
        try {
            Path file = run(args, readPassword());
            System.out.println("user saved in " + file);
        } catch (IllegalArgumentException | ConfigException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: bin/add-user --user ID --role nurse|physician|engineer|admin [--name \"Printed Name\"] [--data-dir DIR | --file FILE | --config FILE] (password asked, or first line of stdin)");
            System.exit(2);
        }
    }

    static Path run(String[] args, char[] password) {
        String user = null;
        Role role = null;
        String name = null;
        Path file = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--user" -> user = value(args, ++i);
                case "--role" -> role = Role.parse(value(args, ++i));
                case "--name" -> name = value(args, ++i);
                case "--file" -> file = Path.of(value(args, ++i));
                case "--data-dir" -> file = Path.of(value(args, ++i)).resolve(UserStore.FILE_NAME);
                default -> rest.add(args[i]);
            }
        }
        if (user == null || role == null) {
            throw new IllegalArgumentException("--user and --role are required");
        }
        if (password == null || password.length < MIN_PASSWORD) {
            throw new IllegalArgumentException("the password needs at least " + MIN_PASSWORD + " characters");
        }
        if (file == null) {
            StationConfig config = StationConfig.from(Main.LaunchSettings.read(rest.toArray(String[]::new)));
            file = config.dataDir().resolve(UserStore.FILE_NAME);
        }
        UserStore.at(file).put(user, role, name, password);
        return file;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            return console.readPassword("password: ");
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
