package org.openinfusion.station.broker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MqttPasswordsTest {
    /** Written by Debian's mosquitto_passwd 2.0.11: {@code mosquitto_passwd -c -b FILE dev1 secret}. */
    private static final String FROM_MOSQUITTO_PASSWD =
            "$7$101$qoqZiyGZm/1SPDom$KLK67NPVRS913eTzx9bttuf7G4OyZAoettnuWd6qg308R+608RrssoUajn1Q4F0hLjFNuSReeokigfkwpcdTBg==";

    @Test
    void aHashWrittenByMosquittoPasswdIsCheckedLikeMosquittoDoes() {
        assertTrue(MqttPasswords.matches("secret".toCharArray(), FROM_MOSQUITTO_PASSWD));
        assertFalse(MqttPasswords.matches("Secret".toCharArray(), FROM_MOSQUITTO_PASSWD));
    }

    @Test
    void aNewHashHasMosquittosFormatAndASaltOfItsOwn() {
        String a = MqttPasswords.hash("pw".toCharArray());
        String b = MqttPasswords.hash("pw".toCharArray());
        assertTrue(a.matches("\\$7\\$101\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}=="), a);
        assertFalse(a.equals(b));
        assertTrue(MqttPasswords.matches("pw".toCharArray(), a));
        assertTrue(MqttPasswords.matches("pw".toCharArray(), b));
    }

    @Test
    void anythingNotInTheFormatMatchesNoPassword() {
        for (String bad : new String[] {"", "secret", "$6$101$abc$def", "$7$x$qoqZiyGZm/1SPDom$KLK6", "$7$101$!!$??"}) {
            assertFalse(MqttPasswords.matches("secret".toCharArray(), bad), bad);
        }
    }
}
