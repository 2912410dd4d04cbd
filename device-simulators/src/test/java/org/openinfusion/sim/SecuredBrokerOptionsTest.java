package org.openinfusion.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openinfusion.sim.mqtt.PublisherSettings;

/** The standalone simulator's options for a secured broker: TLS trust, client key store, each device's account. */
class SecuredBrokerOptionsTest {
    private final SimulatorConfig defaults = SimulatorConfig.defaults(SimulatorConfig.DEFAULT_BROKER);

    @TempDir
    Path dir;

    private CommandLine.Parsed parse(Map<String, String> env, String... args) throws UsageException {
        return CommandLine.parse(args, defaults, env);
    }

    private String refused(Map<String, String> env, String... args) {
        return assertThrows(UsageException.class, () -> parse(env, args)).getMessage();
    }

    @Test
    void eachSimulatedDeviceConnectsWithItsOwnAccountFromTheAccountsFile() throws Exception {
        // given the demo's format, one bed's pump with an account named otherwise
        Path accounts = Files.writeString(dir.resolve("device-passwords.properties"),
                "bed-01.monitor=m1-secret\nbed-01.pump=p1-secret\nbed-01.pump.user=pump-0417\nbed-02.monitor=m2\nbed-02.pump=p2\n");
        // when two beds are simulated with it
        PublisherSettings mqtt = parse(Map.of(), "--beds", "2", "--accounts", accounts.toString()).config().mqtt();
        // then every device logs in with its own account and password
        PublisherSettings.Login pump = mqtt.logins().of("bed-01", "pump").orElseThrow();
        assertEquals("pump-0417", pump.user());
        assertArrayEquals("p1-secret".toCharArray(), pump.password());
        assertEquals("bed-01.monitor", mqtt.logins().of("bed-01", "monitor").orElseThrow().user());
        assertArrayEquals("m2".toCharArray(), mqtt.logins().of("bed-02", "monitor").orElseThrow().password());
        assertEquals(Optional.empty(), mqtt.tls(), "a tcp:// broker gets no TLS");
    }

    @Test
    void aSimulatedDeviceWithoutAPasswordIsAUsageErrorNamingIt() throws Exception {
        Path accounts = Files.writeString(dir.resolve("accounts.properties"), "bed-01.monitor=m1\nbed-01.pump=p1\n");
        String message = refused(Map.of(), "--accounts", accounts.toString(), "--beds", "2");
        assertTrue(message.endsWith("has no password for bed-02.monitor, bed-02.pump"), message);
    }

    @Test
    void tlsFilesNeedAnSslBrokerOneKindOfTrustAndReadableCertificates() throws Exception {
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        assertTrue(refused(Map.of(), "--ca-file", notPem.toString()).contains("are for ssl:// brokers; --broker is tcp://127.0.0.1:1883"));
        assertTrue(refused(Map.of(), "--broker", "ssl://127.0.0.1:8883", "--ca-file", notPem.toString(), "--trust-store", "x.p12")
                .contains("not both"));
        assertTrue(refused(Map.of(), "--broker", "ssl://127.0.0.1:8883", "--ca-file", notPem.toString())
                .contains("ca.pem"));
    }

    @Test
    void aTrustStoreIsOpenedWithThePasswordFromTheEnvironmentOnly() throws Exception {
        // given a PKCS#12 trust store with a password
        Path store = dir.resolve("trust.p12");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (OutputStream out = Files.newOutputStream(store)) {
            ks.store(out, "store-secret".toCharArray());
        }
        String[] args = {"--broker", "ssl://127.0.0.1:8883", "--trust-store", store.toString()};
        // then without the right SIM_TRUST_STORE_PASSWORD it is a usage error, with it the devices use TLS
        assertTrue(refused(Map.of("SIM_TRUST_STORE_PASSWORD", "wrong"), args).contains("wrong password?"));
        assertTrue(parse(Map.of("SIM_TRUST_STORE_PASSWORD", "store-secret"), args).config().mqtt().tls().isPresent());
    }
}
