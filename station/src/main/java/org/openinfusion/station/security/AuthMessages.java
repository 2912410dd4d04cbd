package org.openinfusion.station.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The bodies of the sign-in and account requests on the bus (addresses in {@code Addresses}). */
public final class AuthMessages {
    private AuthMessages() {
    }

    /**
     * Sign in with user id and password; the password array is never logged nor kept. {@code address} is the client's
     * network address as the dashboard saw it (null when unknown), for the per-address limit on wrong sign-ins.
     */
    public record SignInRequest(String userId, char[] password, String address) {
        public SignInRequest {
            Objects.requireNonNull(password, "password");
        }

        public SignInRequest(String userId, char[] password) {
            this(userId, password, null);
        }

        @Override
        public String toString() {
            return "SignInRequest[" + userId + "]";
        }
    }

    /** A sign-in: the token to send with every request, who it is, and the idle time after which it expires. */
    public record SignedIn(String token, Principal principal, Duration idleTimeout, boolean mustChangePassword) {
        public SignedIn(String token, Principal principal, Duration idleTimeout) {
            this(token, principal, idleTimeout, false);
        }

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

    /** Disables (or enables again) an account (admin only); its sign-ins are closed. */
    public record SetDisabled(String userId, boolean disabled) {
    }

    /** Sets a new password for an account, to be changed by its owner at the next sign-in (admin only). */
    public record ResetPassword(String userId, char[] password) {
        @Override
        public String toString() {
            return "ResetPassword[" + userId + "]";
        }
    }

    /** The signed-in user's own password change: the current password, then the new one. */
    public record ChangePassword(char[] current, char[] next) {
        @Override
        public String toString() {
            return "ChangePassword";
        }
    }

    /** The accounts, without password hashes. */
    public record UserList(List<UserRow> users) {
        public UserList {
            users = List.copyOf(users);
        }
    }

    /** One account; {@code lockedUntil} null when not locked. */
    public record UserRow(String userId, Role role, String name, Instant lockedUntil, boolean disabled, boolean mustChangePassword) {
        public UserRow(String userId, Role role, String name, Instant lockedUntil) {
            this(userId, role, name, lockedUntil, false, false);
        }
    }
}
