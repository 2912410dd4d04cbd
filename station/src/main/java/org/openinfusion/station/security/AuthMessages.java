package org.openinfusion.station.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The bodies of the sign-in and account requests on the bus (addresses in {@code Addresses}). */
public final class AuthMessages {
    private AuthMessages() {
    }

    /** Sign in with user id and password; the password array is never logged nor kept. */
    public record SignInRequest(String userId, char[] password) {
        public SignInRequest {
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "SignInRequest[" + userId + "]";
        }
    }

    /** A sign-in: the token to send with every request, who it is, and the idle time after which it expires. */
    public record SignedIn(String token, Principal principal, Duration idleTimeout) {
        @Override
        public String toString() {
            return "SignedIn[" + principal + "]";
        }
    }

    /** Adds or replaces an account (admin only). */
    public record SaveUser(String userId, Role role, String name, char[] password) {
        @Override
        public String toString() {
            return "SaveUser[" + userId + ", " + role + "]";
        }
    }

    /** Ends an account's lock early (admin only). */
    public record Unlock(String userId) {
    }

    /** The accounts, without password hashes. */
    public record UserList(List<UserRow> users) {
        public UserList {
            users = List.copyOf(users);
        }
    }

    /** One account; {@code lockedUntil} null when not locked. */
    public record UserRow(String userId, Role role, String name, Instant lockedUntil) {
    }
}
