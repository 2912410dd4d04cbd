package org.openinfusion.station.broker;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.client.parameter.ClientTlsInformation;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.auth.ModifiableDefaultPermissions;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.security.auth.x500.X500Principal;
import org.openinfusion.station.domain.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's authentication and per-topic authorisation (HiveMQ extension SDK, as an embedded extension):
 * every CONNECT is decided by {@link BrokerRules}; an allowed client gets its topic filters as default permissions with
 * everything else denied.
 */
final class AccessExtension implements ExtensionMain {
    private static final Logger LOG = LoggerFactory.getLogger(AccessExtension.class);

    private final BrokerRules rules;

    private AccessExtension(BrokerRules rules) {
        this.rules = rules;
    }

    static EmbeddedExtension of(BrokerRules rules) {
        return EmbeddedExtension.builder().withId("station-access").withName("station device registry").withVersion("1")
                .withPriority(1000).withStartPriority(1000).withAuthor("openinfusion")
                .withExtensionMain(new AccessExtension(rules)).build();
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        SimpleAuthenticator authenticator = (in, out) -> {
            ConnectPacket connect = in.getConnectPacket();
            Optional<char[]> password = connect.getPassword().map(AccessExtension::chars);
            Optional<String> identity = in.getConnectionInformation().getClientTlsInformation()
                    .flatMap(ClientTlsInformation::getClientCertificate).flatMap(AccessExtension::commonName);
            BrokerRules.Decision d = rules.connect(connect.getUserName(), password, connect.getClientId(), identity);
            password.ifPresent(p -> Arrays.fill(p, '\0'));
            switch (d) {
                case BrokerRules.Decision.Refused r -> {
                    LOG.warn("broker refused client {} (user {}): {}", LogText.escape(connect.getClientId()),
                            LogText.escape(connect.getUserName().orElse("none")), r.reason());
                    out.failAuthentication(ConnackReasonCode.NOT_AUTHORIZED, "not authorized");
                }
                case BrokerRules.Decision.Allowed a -> {
                    ModifiableDefaultPermissions permissions = out.getDefaultPermissions();
                    a.grant().publish().forEach(f -> permissions.add(permission(f, TopicPermission.MqttActivity.PUBLISH)));
                    a.grant().subscribe().forEach(f -> permissions.add(permission(f, TopicPermission.MqttActivity.SUBSCRIBE)));
                    permissions.setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
                    out.authenticateSuccessfully();
                }
            }
        };
        Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
    }

    private static TopicPermission permission(String filter, TopicPermission.MqttActivity activity) {
        return Builders.topicPermission().topicFilter(filter).type(TopicPermission.PermissionType.ALLOW).activity(activity).build();
    }

    /** The subject's CN of a client certificate the broker has verified against its client authority. */
    static Optional<String> commonName(X509Certificate certificate) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253)).getRdns().stream()
                    .filter(r -> r.getType().equalsIgnoreCase("CN")).map(r -> String.valueOf(r.getValue())).reduce((a, b) -> b);
        } catch (InvalidNameException e) {
            return Optional.empty();
        }
    }

    private static char[] chars(ByteBuffer bytes) {
        CharBuffer c = StandardCharsets.UTF_8.decode(bytes.asReadOnlyBuffer());
        char[] out = new char[c.remaining()];
        c.get(out);
        return out;
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        // nothing held
    }
}
