package org.openinfusion.station.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.config.DeviceRegistry;
import org.openinfusion.station.domain.DeviceRef;

class BrokerRulesTest {
    private static final DeviceRegistry REGISTRY = DeviceRegistry.of(List.of(
            new DeviceRegistry.Device("bed-01.monitor", new DeviceRef("bed-01", "monitor"), MqttPasswords.hash("m1".toCharArray()))));
    private static final BrokerRules RULES = new BrokerRules(Optional.of(REGISTRY), "station/v1", "station",
            MqttPasswords.hash("st".toCharArray()), "station-1-ingest");

    private static BrokerRules.Decision connect(BrokerRules rules, String user, String password, String clientId) {
        return rules.connect(Optional.ofNullable(user), Optional.ofNullable(password).map(String::toCharArray), clientId);
    }

    @Test
    void aDeviceMayPublishOnlyUnderItsOwnBedAndDeviceAndReadsNothing() {
        var allowed = assertInstanceOf(BrokerRules.Decision.Allowed.class, connect(RULES, "bed-01.monitor", "m1", "any"));
        assertEquals(List.of("station/v1/beds/bed-01/devices/monitor/#"), allowed.grant().publish());
        assertEquals(List.of(), allowed.grant().subscribe());
    }

    @Test
    void theStationReadsEverythingUnderThePrefixAndPublishesNothing() {
        var allowed = assertInstanceOf(BrokerRules.Decision.Allowed.class, connect(RULES, "station", "st", "station-1-ingest"));
        assertEquals(List.of("station/v1/#"), allowed.grant().subscribe());
        assertEquals(List.of(), allowed.grant().publish());
    }

    @Test
    void noCredentialsAWrongPasswordAnUnknownAccountOrTheStationsClientIdAreRefused() {
        assertEquals("no user name or password", refusal(connect(RULES, null, null, "x")));
        assertEquals("unknown account or wrong password", refusal(connect(RULES, "bed-01.monitor", "st", "x")));
        assertEquals("unknown account or wrong password", refusal(connect(RULES, "bed-09.monitor", "m1", "x")));
        assertEquals("wrong password for the station account", refusal(connect(RULES, "station", "m1", "x")));
        assertEquals("client id reserved to the station", refusal(connect(RULES, "bed-01.monitor", "m1", "station-1-ingest")));
    }

    @Test
    void withoutARegistryAnyClientPublishesButNoneReadsOrTakesTheStationsClientId() {
        BrokerRules open = new BrokerRules(Optional.empty(), "station/v1", "station", MqttPasswords.hash("st".toCharArray()), "ingest");
        var allowed = assertInstanceOf(BrokerRules.Decision.Allowed.class, connect(open, null, null, "sim-1"));
        assertEquals(List.of("station/v1/#"), allowed.grant().publish());
        assertEquals(List.of(), allowed.grant().subscribe());
        assertEquals("client id reserved to the station", refusal(connect(open, null, null, "ingest")));
    }

    @Test
    void theMosquittoFilesGrantTheSameTopicsToTheSameAccounts() {
        assertEquals(List.of("station:" + RULES.stationHash(), "bed-01.monitor:" + REGISTRY.account("bed-01.monitor").orElseThrow()
                .passwordHash()), MosquittoFiles.passwordLines(RULES));
        List<String> acl = MosquittoFiles.aclLines(RULES);
        assertEquals(List.of("user station", "topic read station/v1/#", "", "user bed-01.monitor",
                "topic write station/v1/beds/bed-01/devices/monitor/#"), acl.subList(1, acl.size()));
    }

    private static String refusal(BrokerRules.Decision d) {
        return assertInstanceOf(BrokerRules.Decision.Refused.class, d).reason();
    }

    @Test
    void aVerifiedCertificateIdentifiesARegisteredDeviceAndNothingElse() {
        DeviceRegistry registry = DeviceRegistry.of(List.of(
                new DeviceRegistry.Device("bed-01.monitor", new DeviceRef("bed-01", "monitor"), MqttPasswords.hash("m1".toCharArray())),
                new DeviceRegistry.Device("pump-7", new DeviceRef("bed-02", "pump"), DeviceRegistry.CERTIFICATE_ONLY)));
        BrokerRules rules = new BrokerRules(Optional.of(registry), "station/v1", "station", MqttPasswords.hash("st".toCharArray()), "ingest");
        var byCertificate = assertInstanceOf(BrokerRules.Decision.Allowed.class,
                rules.connect(Optional.empty(), Optional.empty(), "any", Optional.of("pump-7")));
        assertEquals(List.of("station/v1/beds/bed-02/devices/pump/#"), byCertificate.grant().publish());
        assertEquals(List.of(), byCertificate.grant().subscribe());
        assertEquals("user name differs from the certificate's identity", refusal(rules.connect(Optional.of("bed-01.monitor"),
                Optional.of("m1".toCharArray()), "any", Optional.of("pump-7"))));
        assertEquals("certificate identity is not a registered device", refusal(rules.connect(Optional.empty(), Optional.empty(), "any",
                Optional.of("station"))));
        assertEquals("client id reserved to the station", refusal(rules.connect(Optional.empty(), Optional.empty(), "ingest",
                Optional.of("pump-7"))));
        // a certificate-only account has no password that matches
        assertEquals("unknown account or wrong password", refusal(connect(rules, "pump-7", "certificate", "any")));
        // and no line in mosquitto's password file
        assertEquals(List.of("station", "bed-01.monitor"), MosquittoFiles.passwordLines(rules).stream().map(l -> l.split(":")[0]).toList());
    }
}
