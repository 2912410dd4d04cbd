package org.openinfusion.station.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the station listens: the status endpoint and the dashboard. Loopback by default. {@code dashboardTls}: how the
 * dashboard serves HTTPS - empty: plain HTTP; {@link Tls.Keystore}: a PKCS#12 keystore; {@link Tls.SelfSigned}: a
 * certificate made at every start (the demo).
 */
public record HttpConfig(String host, int statusPort, int dashboardPort, Optional<Tls> dashboardTls) {
    public static final String SELF_SIGNED = "self-signed";

    /** The dashboard's HTTPS key and certificate. */
    public sealed interface Tls {
        record Keystore(Path file, String password) implements Tls {
            @Override
            public String toString() {
                return "Keystore[" + file + "]";
            }
        }

        record SelfSigned() implements Tls {
        }
    }

    static HttpConfig from(Settings s) {
        String keystore = s.string("http.dashboardKeystore").strip();
        Optional<Tls> tls = keystore.isEmpty() ? Optional.empty()
                : keystore.equals(SELF_SIGNED) ? Optional.of(new Tls.SelfSigned())
                : Optional.of(new Tls.Keystore(Path.of(keystore).toAbsolutePath(), s.string("http.dashboardKeystorePassword")));
        return new HttpConfig(s.string("http.host"), s.integer("http.statusPort", 0, 65535),
                s.integer("http.dashboardPort", 0, 65535), tls);
    }
}
